import type { FastifyReply, FastifyRequest } from "fastify";
import { bodyText } from "../../common/http-server.js";

export type Query = Record<string, string | string[] | undefined>;

export const sendJson = (reply: FastifyReply, status: number, body: unknown): FastifyReply =>
  reply.code(status).type("application/json").send(JSON.stringify(body));

export const sendMessage = (
  reply: FastifyReply,
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
) => sendJson(reply, status, { message, ...extra });

/** Every value a query parameter was given (it may repeat). */
export function queryValues(request: FastifyRequest, name: string): string[] {
  const value = (request.query as Query)[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function queryFlag(request: FastifyRequest, name: string, fallback: boolean): boolean {
  const value = queryValues(request, name)[0];
  return value === undefined ? fallback : value.toLowerCase() === "true";
}

const isJsonType = (header: string | undefined) => {
  const type = header?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || type.endsWith("+json");
};

/**
 * The JSON body, or undefined after answering as Marathon's resources do: 415 unless the body is declared
 * `application/json`, 400 for malformed JSON.
 */
export function jsonBody(request: FastifyRequest, reply: FastifyReply): { json: unknown } | undefined {
  if (!isJsonType(request.headers["content-type"])) {
    sendMessage(reply, 415, "HTTP 415 Unsupported Media Type");
    return undefined;
  }
  const text = bodyText(request);
  try {
    return { json: JSON.parse(text === "" ? "null" : text) as unknown };
  } catch (error) {
    sendMessage(reply, 400, "Invalid JSON", { details: (error as Error).message });
    return undefined;
  }
}

/** A JSON object body (an app or group definition); anything else is answered 400 as Marathon's reader does. */
export function jsonObjectBody(
  request: FastifyRequest,
  reply: FastifyReply,
): { json: Record<string, unknown> } | undefined {
  const body = jsonBody(request, reply);
  if (!body) return undefined;
  if (typeof body.json === "object" && body.json !== null && !Array.isArray(body.json))
    return { json: body.json as Record<string, unknown> };
  sendMessage(reply, 400, "Invalid JSON", { details: [{ path: "/", errors: ["error.expected.jsobject"] }] });
  return undefined;
}

/** The answer to every call that starts a deployment. */
export function sendDeployment(
  reply: FastifyReply,
  status: number,
  deploymentId: string,
  version: string,
): FastifyReply {
  return sendJson(reply.header("Marathon-Deployment-Id", deploymentId), status, { deploymentId, version });
}

export function sendLocked(reply: FastifyReply, deploymentIds: string[]): FastifyReply {
  const first = deploymentIds[0] ?? "";
  return sendMessage(
    reply,
    409,
    `App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/${first}'.`,
    { deployments: deploymentIds.map((id) => ({ id })) },
  );
}

export const appNotFound = (reply: FastifyReply, id: string, version?: string) =>
  sendMessage(
    reply,
    404,
    version ? `App '${id}' does not exist in version ${version}` : `App '${id}' does not exist`,
  );
