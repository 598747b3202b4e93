import type { FastifyInstance } from "fastify";
import type { ChronosCore } from "../core/chronos-core.js";
import { registerCreateRoutes } from "./create-routes.js";
import { registerGraphRoutes } from "./graph-routes.js";
import { registerJobRoutes } from "./job-routes.js";
import { registerMiscRoutes } from "./misc-routes.js";
import { registerTaskRoutes } from "./task-routes.js";

/** Every route of Chronos's API, under /v1/scheduler (3.x) and /scheduler (2.x). */
export function registerChronosApi(http: FastifyInstance, core: ChronosCore, leader: () => string): void {
  registerCreateRoutes(http, core);
  registerJobRoutes(http, core);
  registerTaskRoutes(http, core);
  registerGraphRoutes(http, core);
  registerMiscRoutes(http, core, leader);
}
