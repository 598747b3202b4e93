import type { FastifyInstance } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import { deploymentInfoJson } from "../deployment/deployment-json.js";
import { affectedApps } from "../deployment/plan.js";
import { newVersion } from "../model/timestamp.js";
import { queryFlag, sendDeployment, sendJson, sendMessage } from "./replies.js";

/** GET /v2/deployments and DELETE /v2/deployments/{id} (rollback, or `force=true` to just stop it). */
export function registerDeploymentRoutes(http: FastifyInstance, core: MarathonCore): void {
  http.get("/v2/deployments", (_request, reply) =>
    sendJson(
      reply,
      200,
      core.deployments.list().map((d) => deploymentInfoJson(d, core.readiness)),
    ),
  );

  http.delete("/v2/deployments/:id", (request, reply) => {
    const { id } = request.params as { id: string };
    const running = core.deployments.get(id);
    if (!running) return sendMessage(reply, 404, `DeploymentPlan ${id} does not exist`);
    core.deployments.cancel(id);
    if (queryFlag(request, "force", false)) return reply.code(202).send();
    const version = newVersion();
    const targets = Object.fromEntries(
      affectedApps(running.plan).map((app) => [app, running.plan.original[app]]),
    );
    const outcome = core.deploy(targets, version, true);
    if (!outcome.ok) return sendMessage(reply, 409, "Rollback could not be deployed");
    return sendDeployment(reply, 200, outcome.plan.id, version);
  });
}
