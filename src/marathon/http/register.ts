import type { FastifyInstance } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import type { MarathonSettings } from "../marathon-settings.js";
import { registerAppCollectionRoutes } from "./app-collection-routes.js";
import { registerAppItemRoutes } from "./app-item-routes.js";
import { registerDeploymentRoutes } from "./deployment-routes.js";
import { registerEventsRoute } from "./events-route.js";
import { registerGroupRoutes } from "./group-routes.js";
import { registerInfoRoutes, type LeaderState } from "./info-routes.js";
import { registerMiscRoutes } from "./misc-routes.js";
import { registerQueueRoutes } from "./queue-routes.js";
import { registerTaskRoutes } from "./task-routes.js";
import { registerV1Routes } from "./v1-routes.js";

/** Every route of Marathon's REST API. */
export function registerMarathonApi(
  http: FastifyInstance,
  core: MarathonCore,
  settings: MarathonSettings,
  leader: LeaderState,
): void {
  http.addHook("onRequest", (_request, reply, done) => {
    reply.header("X-Marathon-Leader", `http://${leader.leader}`);
    done();
  });
  registerInfoRoutes(http, core, settings, leader);
  registerAppCollectionRoutes(http, core);
  registerAppItemRoutes(http, core);
  registerTaskRoutes(http, core);
  registerDeploymentRoutes(http, core);
  registerQueueRoutes(http, core);
  registerGroupRoutes(http, core);
  registerEventsRoute(http, core);
  registerV1Routes(http, core);
  registerMiscRoutes(http);
}
