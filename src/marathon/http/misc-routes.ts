import type { FastifyInstance } from "fastify";
import { sendMessage } from "./replies.js";

const PODS_UNSUPPORTED =
  "Pods are not supported by minimesos Marathon; deploy an app through /v2/apps instead";

/** Pods answer that they are not supported; unknown routes get the 500 Marathon's exception mapper gives. */
export function registerMiscRoutes(http: FastifyInstance): void {
  http.route({ method: "HEAD", url: "/v2/pods", handler: (_request, reply) => reply.code(404).send() });
  for (const url of ["/v2/pods", "/v2/pods/*"])
    http.route({
      method: ["GET", "POST", "PUT", "DELETE"],
      url,
      handler: (_request, reply) => sendMessage(reply, 404, PODS_UNSUPPORTED),
    });
  http.route({
    method: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    url: "/*",
    handler: (_request, reply) => sendMessage(reply, 500, "URI not found"),
  });
}
