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

/** The JSON body, or undefined after answering Marathon's 400 for malformed JSON. */
export function jsonBody(request: FastifyRequest, reply: FastifyReply): { json: unknown } | undefined {
  const text = bodyText(request);
  try {
    return { json: JSON.parse(text === "" ? "null" : text) as unknown };
  } catch (error) {
    sendMessage(reply, 400, "Invalid JSON", { details: (error as Error).message });
    return undefined;
  }
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
