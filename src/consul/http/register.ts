import type { FastifyInstance } from "fastify";
import { registerAgentRoutes } from "./agent-routes.js";
import { registerCatalogRoutes } from "./catalog-routes.js";
import type { ConsulContext } from "./context.js";
import { registerHealthRoutes } from "./health-routes.js";
import { registerKvRoutes } from "./kv-routes.js";
import { registerSessionRoutes } from "./session-routes.js";
import { registerStatusRoutes } from "./status-routes.js";

/** Every route of Consul's HTTP API this server answers. */
export function registerConsulApi(app: FastifyInstance, ctx: ConsulContext): void {
  registerAgentRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerHealthRoutes(app, ctx);
  registerKvRoutes(app, ctx);
  registerStatusRoutes(app, ctx);
  registerSessionRoutes(app, ctx, ctx.sessions);
}
