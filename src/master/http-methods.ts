import type { FastifyInstance } from "fastify";
import { sendText } from "../common/http-server.js";

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
