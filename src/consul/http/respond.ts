import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { bodyText } from "../../common/http-server.js";
import { HttpError } from "../agent/http-errors.js";
import { BadRequest } from "../model/check-definition.js";
import { decodeJson, DecodeError } from "../model/go-json.js";
import type { ChangeFeed } from "../state/change-feed.js";
import { blockingOptions, type Query } from "./query-options.js";

/** What a read answers: its index (X-Consul-Index), its body, and 200 unless said otherwise. */
export interface ReadResult {
  index: number;
  body: unknown;
  status?: number;
  /** A raw body (KV `?raw`) sent as is with this content type. */
  raw?: { data: Buffer; type: string };
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;
type Method = "GET" | "PUT" | "POST" | "DELETE";

/** The query string of a request. */
export const queryOf = (request: FastifyRequest): Query => request.query as Query;

/** The request body decoded as JSON, or Consul's 400 `Request decode failed: ...`. */
export function jsonBody(request: FastifyRequest): unknown {
  try {
    return decodeJson(bodyText(request));
  } catch (error) {
    if (error instanceof DecodeError) throw new HttpError(400, `Request decode failed: ${error.message}`);
    throw error;
  }
}

/** Sends a handler's failure as Consul does: a status and a plain-text reason. */
function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof HttpError)
    return reply.code(error.status).type("text/plain; charset=utf-8").send(error.message);
  if (error instanceof BadRequest)
    return reply.code(400).type("text/plain; charset=utf-8").send(error.message);
  if (error instanceof DecodeError)
    return reply.code(400).type("text/plain; charset=utf-8").send(`Request decode failed: ${error.message}`);
  throw error;
}

/**
 * One Consul path: each method's handler, 405 for the others. A handler's return value is sent as JSON
 * (undefined: an empty 200, as agent writes answer).
 */
export function route(app: FastifyInstance, url: string, handlers: Partial<Record<Method, Handler>>): void {
  app.route({
    method: ["GET", "HEAD", "PUT", "POST", "DELETE"],
    url,
    handler: async (request, reply) => {
      const method = request.method === "HEAD" ? "GET" : (request.method as Method);
      const handler = handlers[method] ?? (method === "POST" ? handlers.PUT : undefined);
      if (!handler)
        return reply.code(405).type("text/plain; charset=utf-8").send(`method ${request.method} not allowed`);
      try {
        const result = await handler(request, reply);
        if (reply.sent) return reply;
        if (result === undefined) return reply.code(200).send("");
        return reply.type("application/json").send(JSON.stringify(result));
      } catch (error) {
        return sendError(reply, error);
      }
    },
  });
}

/** Headers every read carries. */
function setMeta(reply: FastifyReply, index: number): void {
  reply.header("X-Consul-Index", String(Math.max(1, index)));
  reply.header("X-Consul-KnownLeader", "true");
  reply.header("X-Consul-LastContact", "0");
}

/**
 * Answers a read, blocking when `?index=` is at or past the current index until something changes or
 * `?wait=` passes, as Consul's blocking queries do.
 */
export async function blockingRead(
  request: FastifyRequest,
  reply: FastifyReply,
  feed: ChangeFeed,
  read: () => ReadResult,
): Promise<FastifyReply> {
  const { index, waitMs } = blockingOptions(queryOf(request));
  const deadline = Date.now() + waitMs;
  let result = read();
  let gone = false;
  const closed = new Promise<void>((resolve) =>
    reply.raw.once("close", () => {
      gone = true;
      resolve();
    }),
  );
  while (index > 0 && result.index <= index && !gone && !feed.closed) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    await Promise.race([feed.waitForChange(left), closed]);
    result = read();
  }
  if (gone) return reply;
  setMeta(reply, result.index);
  reply.code(result.status ?? 200);
  if (result.raw) return reply.type(result.raw.type).send(result.raw.data);
  if (result.body === undefined) return reply.send("");
  return reply.type("application/json").send(JSON.stringify(result.body));
}
