import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import { RecordIOStream, bodyText, createHttpApp, listen } from "../../src/common/http-server.js";
import { silentLogger } from "../../src/common/logger.js";

/** A request the fake received: its headers, the exact body text and the parsed JSON. */
export interface RecordedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

/** One SUBSCRIBE the fake accepted with 200: write events (or raw bytes) to it, or end it. */
export interface FakeSubscription extends RecordedRequest {
  streamId: string | undefined;
  stream: RecordIOStream;
  raw: ServerResponse;
}

export interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface FakeEndpointOptions {
  /** The route, e.g. `/api/v1/scheduler`. */
  path: string;
  /** Whether SUBSCRIBE answers carry `Mesos-Stream-Id` (scheduler API: yes; executor API: no). */
  streamIds: boolean;
  /** The first event for an accepted SUBSCRIBE (nothing is sent when undefined). */
  firstEvent?: (request: RecordedRequest, index: number) => unknown;
}

/**
 * A stand-in for a Mesos master or agent in client tests: 127.0.0.1, a free port, records what it receives and
 * answers as told. By default SUBSCRIBE opens a stream and every other call gets 202.
 */
export class FakeMesosEndpoint {
  readonly subscriptions: FakeSubscription[] = [];
  readonly calls: RecordedRequest[] = [];
  answerSubscribe: (request: RecordedRequest) => Answer | undefined = () => undefined;
  answerCall: (request: RecordedRequest) => Answer = () => ({ status: 202 });

  /** `127.0.0.1:<port>` once listening. */
  address = "";

  private constructor(private readonly app: FastifyInstance) {}

  get url(): string {
    return `http://${this.address}`;
  }

  static async start(options: FakeEndpointOptions): Promise<FakeMesosEndpoint> {
    const app = createHttpApp(silentLogger());
    const self = new FakeMesosEndpoint(app);
    app.post(options.path, async (request, reply) => {
      const body = bodyText(request);
      const recorded: RecordedRequest = { headers: request.headers, body, json: JSON.parse(body) };
      const isSubscribe = recorded.json.type === "SUBSCRIBE";
      const answer = isSubscribe ? self.answerSubscribe(recorded) : self.answerCall(recorded);
      if (!isSubscribe) self.calls.push(recorded);
      if (answer) {
        reply.code(answer.status).headers(answer.headers ?? {});
        return reply.type("text/plain").send(answer.body ?? "");
      }
      const index = self.subscriptions.length;
      const streamId = options.streamIds ? `stream-${index}` : undefined;
      const stream = RecordIOStream.open(reply, streamId ? { "Mesos-Stream-Id": streamId } : {});
      self.subscriptions.push({ ...recorded, streamId, stream, raw: reply.raw });
      const first = options.firstEvent?.(recorded, index);
      if (first !== undefined) stream.send(first);
      return reply;
    });
    const { host, port } = await listen(app, "127.0.0.1", 0);
    self.address = `${host}:${port}`;
    return self;
  }

  /** Resolves with subscription number `index` (0-based) once it has arrived. */
  subscription(index: number, timeoutMs = 5_000): Promise<FakeSubscription> {
    return eventually(() => this.subscriptions[index], timeoutMs, `subscription #${index}`);
  }

  /** Resolves with call number `index` (0-based, SUBSCRIBE excluded) once it has arrived. */
  call(index: number, timeoutMs = 5_000): Promise<RecordedRequest> {
    return eventually(() => this.calls[index], timeoutMs, `call #${index}`);
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.stream.close();
    await this.app.close();
  }
}

/** Polls `check` every few milliseconds until it returns a value, failing after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined,
  timeoutMs = 5_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
