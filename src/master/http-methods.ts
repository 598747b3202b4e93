import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { acceptsJson, bodyText, contentTypeProblem, sendText } from "../common/http-server.js";

const OTHER_METHODS = ["GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;

/** libprocess's 405 for every method but POST on a v1 endpoint. */
export function refuseNonPost(app: FastifyInstance, path: string): void {
  app.route({
    method: [...OTHER_METHODS],
    url: path,
    exposeHeadRoute: false,
    handler: async (request, reply) =>
      sendText(reply, 405, `Expecting one of { 'POST' }, but received '${request.method}'`),
  });
}

/**
 * The master's checks before any v1 call, in Mesos's order: content type, then the body, then Accept.
 * Sends the error and resolves to undefined when one fails.
 */
export function readV1Call<C>(
  request: FastifyRequest,
  reply: FastifyReply,
  parse: (body: string) => C | string,
): C | undefined {
  const problem = contentTypeProblem(request);
  if (problem) return void sendText(reply, problem.status, problem.message);
  const call = parse(bodyText(request));
  if (typeof call === "string") return void sendText(reply, 400, call);
  if (!acceptsJson(request))
    return void sendText(
      reply,
      406,
      "Expecting 'Accept' to allow 'application/json' or 'application/x-protobuf'",
    );
  return call;
}
