import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { MesosHttpError } from "./client-errors.js";

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export const JSON_HEADERS = { "Content-Type": "application/json", Accept: "application/json" } as const;

/**
 * Keep-alive agents for short calls, one per protocol, so a call reuses a warm connection. `destroy()` lets
 * calls already under way finish (a TEARDOWN must not be cut off), then closes every socket.
 */
export class CallAgents {
  private readonly plain = new http.Agent({ keepAlive: true });
  private readonly secure = new https.Agent({ keepAlive: true });
  private inFlight = 0;
  private destroying = false;

  for(url: URL): http.Agent {
    return url.protocol === "https:" ? this.secure : this.plain;
  }

  /** Counts a call so that `destroy()` waits for it. */
  track<T>(call: Promise<T>): Promise<T> {
    this.inFlight += 1;
    const done = (): void => {
      this.inFlight -= 1;
      if (this.destroying && this.inFlight === 0) this.destroyNow();
    };
    call.then(done, done);
    return call;
  }

  destroy(): void {
    this.destroying = true;
    if (this.inFlight === 0) this.destroyNow();
  }

  private destroyNow(): void {
    this.plain.destroy();
    this.secure.destroy();
  }
}

export interface PostOptions {
  agent?: http.Agent | false;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

function startPost(url: URL, body: string, options: PostOptions): http.ClientRequest {
  const request = (url.protocol === "https:" ? https.request : http.request)(url, {
    method: "POST",
    agent: options.agent,
    headers: { ...JSON_HEADERS, "Content-Length": Buffer.byteLength(body), ...options.headers },
  });
  // Calls are small and answered at once: Nagle's algorithm would hold them for delayed ACKs.
  request.once("socket", (socket) => socket.setNoDelay(true));
  if (options.timeoutMs !== undefined) {
    const timeoutMs = options.timeoutMs;
    request.setTimeout(timeoutMs, () =>
      request.destroy(new Error(`No answer from ${url.host} in ${timeoutMs} ms`)),
    );
  }
  request.end(body);
  return request;
}

export function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    response.on("error", reject);
  });
}

/** POSTs a JSON body and reads the whole answer. */
export function postJson(url: URL, body: string, options: PostOptions = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = startPost(url, body, options);
    request.on("error", reject);
    request.on("response", (response) => {
      readBody(response).then(
        (text) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        reject,
      );
    });
  });
}

/** Resolves for a 2xx answer and rejects with the status and body text otherwise. */
export function expectSuccess(url: URL, answer: HttpAnswer): void {
  if (answer.status < 200 || answer.status >= 300)
    throw new MesosHttpError(answer.status, answer.body, url.href);
}

/** A POST whose response is read as a stream; `abort()` tears the connection down at any time. */
export interface StreamingPost {
  response: Promise<IncomingMessage>;
  abort(): void;
}

export function postForStream(url: URL, body: string, options: PostOptions = {}): StreamingPost {
  const request = startPost(url, body, { ...options, agent: false });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request.on("error", reject);
    request.on("response", (res) => {
      // The timeout guards only the wait for the headers; a subscription stream is long-lived.
      request.setTimeout(0);
      resolve(res);
    });
  });
  return { response, abort: () => request.destroy() };
}
