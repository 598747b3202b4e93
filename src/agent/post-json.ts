import { Agent, request, type IncomingMessage } from "node:http";

const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

export interface PostResult {
  status: number;
  text: string;
}

/**
 * POSTs JSON with node:http over kept-alive, no-delay sockets. Headers and body leave in one write,
 * which keeps a request/response round trip on localhost well under a millisecond (fetch's separate
 * writes meet Nagle and delayed ACKs and cost tens of milliseconds).
 */
export function postJson(url: string, body: unknown, timeoutMs = 10_000): Promise<PostResult> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      agent: keepAlive,
      headers: { "content-type": "application/json", "content-length": payload.length },
      timeout: timeoutMs,
    });
    req.once("socket", (socket) => socket.setNoDelay(true));
    req.once("timeout", () => req.destroy(new Error(`POST ${url} timed out`)));
    req.once("error", reject);
    req.once("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.once("end", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
      );
      res.once("error", reject);
    });
    req.end(payload);
  });
}

/** POSTs JSON and resolves with the response as it starts, for long-lived streams (own socket, no delay). */
export function openPostStream(url: string, body: unknown, signal: AbortSignal): Promise<IncomingMessage> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      agent: false,
      signal,
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "content-length": payload.length,
      },
    });
    req.once("socket", (socket) => socket.setNoDelay(true));
    req.once("error", reject);
    req.once("response", resolve);
    req.end(payload);
  });
}

export async function readAll(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
