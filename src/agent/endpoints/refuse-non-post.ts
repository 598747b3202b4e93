import type { FastifyInstance } from "fastify";
import { sendText } from "../../common/http-server.js";

/** libprocess's 405 for any method but POST on a v1 endpoint of the agent. */
export function refuseNonPost(app: FastifyInstance, url: string): void {
  app.route({
    method: ["GET", "PUT", "DELETE", "PATCH"],
    url,
    handler: (request, reply) =>
      sendText(
        reply.header("Allow", "POST"),
        405,
        `Expecting one of { 'POST' }, but received '${request.method}'`,
      ),
  });
}
