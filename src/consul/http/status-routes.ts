import type { FastifyInstance } from "fastify";
import { SERVER_PORT } from "../consul-config.js";
import type { ConsulContext } from "./context.js";
import { route } from "./respond.js";

/** `/v1/status/leader|peers`: this one server, at its server RPC address. */
export function registerStatusRoutes(app: FastifyInstance, ctx: ConsulContext): void {
  const self = `${ctx.config.advertiseAddr}:${SERVER_PORT}`;
  route(app, "/v1/status/leader", { GET: () => self });
  route(app, "/v1/status/peers", { GET: () => [self] });
}
