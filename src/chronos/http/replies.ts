import type { FastifyReply, FastifyRequest } from "fastify";
import { bodyText } from "../../common/http-server.js";
import { chronosJson } from "../model/job-json.js";

export type Query = Record<string, string | string[] | undefined>;

export const sendJson = (reply: FastifyReply, status: number, body: unknown): FastifyReply =>
  reply.code(status).type("application/json").send(chronosJson(body));

/** Chronos's ApiResult: `{"status":"Bad Request","message":…}`, or "Internal Server Error" for a 500. */
export const apiError = (reply: FastifyReply, status: 400 | 500, message: string): FastifyReply =>
  sendJson(reply, status, { status: status === 400 ? "Bad Request" : "Internal Server Error", message });

export const noContent = (reply: FastifyReply): FastifyReply => reply.code(204).send();

export const sendText = (reply: FastifyReply, text: string): FastifyReply =>
  reply.code(200).type("text/plain").send(text);

export function queryText(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Query)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The JSON body, or undefined after answering 400 for text that is not JSON. */
export function jsonBody(request: FastifyRequest, reply: FastifyReply): { json: unknown } | undefined {
  const text = bodyText(request);
  try {
    return { json: JSON.parse(text === "" ? "null" : text) as unknown };
  } catch (error) {
    apiError(reply, 400, `Can not parse the request body as JSON: ${(error as Error).message}`);
    return undefined;
  }
}

export const PREFIXES: ReadonlyArray<{ prefix: string; v2: boolean }> = [
  { prefix: "/v1/scheduler", v2: false },
  { prefix: "/scheduler", v2: true },
];

export const param = (request: FastifyRequest, name: string): string =>
  (request.params as Record<string, string>)[name] ?? "";
