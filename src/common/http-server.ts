import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import type { ServerResponse } from "node:http";
import type { Logger } from "./logger.js";
import { jsonBodyProblem } from "./json-body-check.js";
import { encodeJsonRecord } from "./recordio.js";

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

const noSchemas = (): never => {
  throw new Error("createHttpApp routes take no JSON schemas; handlers parse their own bodies");
};

export interface HttpAppOptions {
  /** Larger bodies get 413 (default 16 MiB). */
  bodyLimit?: number;
  /** JSON bodies nested deeper get 400 before any handler sees them. */
  maxJsonDepth?: number;
  /** A client must send its request headers within this (slow clients are dropped). */
  headersTimeoutMs?: number;
  /** ... and its whole request within this. Responses, long-lived streams included, are not limited. */
  requestTimeoutMs?: number;
  /** Idle keep-alive connections are closed after this. */
  keepAliveTimeoutMs?: number;
  /** How the role words a 4xx it did not answer itself (default: the message as plain text, as libprocess). */
  clientError?: (reply: FastifyReply, status: number, message: string) => FastifyReply;
}

const isJsonBody = (contentType: string | undefined, body: Buffer) =>
  (contentType ?? "").toLowerCase().includes("json") || body[0] === 0x7b || body[0] === 0x5b;

/**
 * A fastify app set up the way every role serves: bodies arrive as raw Buffers (handlers parse them so
 * they can answer with the real systems' own error texts) after a check of JSON nesting and lone
 * surrogates (400), unknown routes get an empty 404 as libprocess gives, oversized bodies a plain-text
 * 413, and slow or idle clients are dropped by the header, request and keep-alive timeouts.
 */
export function createHttpApp(logger: Logger, options: HttpAppOptions = {}): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    forceCloseConnections: true,
    return503OnClosing: false,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
    http: { headersTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout) },
    // Routes here carry no JSON schemas; without this, fastify loads ajv (~90 modules) at start-up.
    schemaController: { compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas } },
  });
  recordRoutes(app);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (request, body, done) => {
    const buffer = body as Buffer;
    const problem = isJsonBody(request.headers["content-type"], buffer)
      ? jsonBodyProblem(buffer.toString("utf8"), options.maxJsonDepth)
      : undefined;
    if (problem) done(Object.assign(new Error(problem), { statusCode: 400 }), undefined);
    else done(null, buffer);
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(""));
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _req, reply) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
      return reply.code(413).type("text/plain").send(`Request body is larger than ${bodyLimit} bytes`);
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) logger.error({ err: error }, "request failed");
    if (status < 500 && options.clientError) return options.clientError(reply, status, error.message);
    return reply.code(status).type("text/plain").send(error.message);
  });
  return app;
}

/** The query with one value per name, the last where a name repeats (as libprocess decodes a query). */
export function singleValuedQuery(request: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.query as Record<string, string | string[] | undefined>))
    out[name] = Array.isArray(value) ? value[value.length - 1] : value;
  return out;
}

/** The request body as text ('' when there is none). */
export const bodyText = (request: FastifyRequest): string =>
  Buffer.isBuffer(request.body)
    ? request.body.toString("utf8")
    : typeof request.body === "string"
      ? request.body
      : "";

/** Mesos's own content-type check, made lenient about parameters such as `; charset=utf-8`. */
export function contentTypeProblem(request: FastifyRequest): { status: number; message: string } | undefined {
  const header = request.headers["content-type"];
  if (header === undefined) return { status: 400, message: "Expecting 'Content-Type' to be present" };
  const type = header.split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") return undefined;
  if (type === "application/x-protobuf")
    return { status: 415, message: "Protobuf requests are not supported by minimesos; use application/json" };
  return {
    status: 415,
    message: `Expecting 'Content-Type' of application/json or application/x-protobuf`,
  };
}

/** 406 unless the client accepts JSON (a missing Accept or `*\/*` means JSON). */
export function acceptsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  if (accept === undefined || accept.trim() === "") return true;
  return accept
    .split(",")
    .map((part) => part.split(";")[0]?.trim().toLowerCase())
    .some(
      (t) => t === "*/*" || t === "application/*" || t === "application/json" || t === "application/recordio",
    );
}

export const sendText = (reply: FastifyReply, status: number, message: string): FastifyReply =>
  reply.code(status).type("text/plain; charset=utf-8").send(message);

/** JSON for the legacy GET endpoints, wrapped in `callback(...)` when `?jsonp=callback` is given. */
export function sendLegacyJson(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const jsonp = singleValuedQuery(request).jsonp;
  if (jsonp) return reply.type("text/javascript").send(`${jsonp}(${JSON.stringify(body)});`);
  return reply.type("application/json").send(JSON.stringify(body));
}

/** A subscriber whose unread events pass this many bytes is dropped (its stream closed), as Mesos drops slow HTTP streams. */
export const STREAM_BACKLOG_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Writes one chunk of a long-lived stream; a reader that has fallen more than `limitBytes` behind is cut
 * off (the connection destroyed) instead of growing the server's memory. False when the stream is gone.
 */
export function writeOrDrop(raw: ServerResponse, chunk: string | Buffer, limitBytes: number): boolean {
  if (raw.destroyed || raw.writableEnded) return false;
  raw.write(chunk);
  if (raw.writableLength <= limitBytes) return true;
  raw.destroy();
  return false;
}

/** A long-lived RecordIO response: one record per write, as Mesos streams events. */
export class RecordIOStream {
  private closed = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    private readonly raw: ServerResponse,
    private readonly backlogLimitBytes = STREAM_BACKLOG_LIMIT_BYTES,
  ) {
    raw.on("close", () => this.markClosed());
  }

  static open(
    reply: FastifyReply,
    headers: Record<string, string> = {},
    backlogLimitBytes = STREAM_BACKLOG_LIMIT_BYTES,
  ): RecordIOStream {
    reply.hijack();
    const raw = reply.raw;
    raw.socket?.setNoDelay(true);
    raw.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache", ...headers });
    raw.flushHeaders();
    return new RecordIOStream(raw, backlogLimitBytes);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(event: unknown): boolean {
    if (this.closed) return false;
    if (writeOrDrop(this.raw, encodeJsonRecord(event), this.backlogLimitBytes)) return true;
    this.markClosed();
    return false;
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.raw.end();
    this.markClosed();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}

export interface Listening {
  host: string;
  port: number;
}

/** Listens on host:port (0 for any free port) and reports where. */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<Listening> {
  await app.listen({ host, port });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server did not bind a TCP port");
  const entry = served.get(app);
  if (entry) entry.base = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`;
  return { host, port: address.port };
}

export interface ServedRoute {
  /** `http://host:port` of the server. */
  base: string;
  method: string;
  url: string;
}

const served = new Map<FastifyInstance, { base?: string; routes: Array<{ method: string; url: string }> }>();

function recordRoutes(app: FastifyInstance): void {
  const entry: { base?: string; routes: Array<{ method: string; url: string }> } = { routes: [] };
  served.set(app, entry);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) entry.routes.push({ method, url: route.url });
  });
  app.addHook("onClose", async () => void served.delete(app));
}

/** Every route of every role listening in this process (for tests that go over all of them). */
export function servedRoutes(): ServedRoute[] {
  return [...served.values()].flatMap(({ base, routes }) =>
    base === undefined ? [] : routes.map((route) => ({ base, ...route })),
  );
}
