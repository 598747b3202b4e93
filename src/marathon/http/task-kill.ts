import type { FastifyReply, FastifyRequest } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import { stampVersion } from "../model/app-versioning.js";
import { newVersion } from "../model/timestamp.js";
import type { TaskRecord } from "../state/task-record.js";
import { deployOrReply } from "./app-change.js";
import { appNotFound, queryFlag, queryValues, sendDeployment, sendJson, sendMessage } from "./replies.js";
import { taskJson } from "./task-json.js";

/** Kills the tasks; with `scale` also lowers each app's instances by the number killed (one deployment). */
export function killTasks(
  core: MarathonCore,
  request: FastifyRequest,
  reply: FastifyReply,
  tasks: TaskRecord[],
  single: boolean,
): FastifyReply {
  const scale = queryFlag(request, "scale", false);
  if (scale && queryFlag(request, "wipe", false))
    return sendMessage(reply, 400, "You cannot use scale and wipe at the same time.");
  if (!scale) {
    const body = tasks.map((t) => taskJson(t, core.apps.get(t.appId)));
    core.kill(tasks);
    return sendJson(reply, 200, single ? { task: body[0] } : { tasks: body });
  }
  const version = newVersion();
  const targets: Record<string, ReturnType<typeof stampVersion>> = {};
  for (const appId of new Set(tasks.map((t) => t.appId))) {
    const app = core.apps.get(appId);
    if (!app) continue;
    const killed = tasks.filter((t) => t.appId === appId).length;
    targets[appId] = stampVersion(app, { ...app, instances: Math.max(0, app.instances - killed) }, version);
  }
  const conflicts = core.deployments.holding(Object.keys(targets));
  if (conflicts.length > 0 && !queryFlag(request, "force", false)) {
    deployOrReply(core, reply, targets, false, [], version);
    return reply;
  }
  core.kill(tasks);
  const result = deployOrReply(core, reply, targets, true, [], version);
  return result ? sendDeployment(reply, 200, result.deploymentId, result.version) : reply;
}

/** DELETE /v2/apps/{id}/tasks (`host`, `scale`, `wipe`). */
export function deleteAppTasks(
  core: MarathonCore,
  request: FastifyRequest,
  reply: FastifyReply,
  appId: string,
): FastifyReply {
  if (!core.apps.get(appId)) return appNotFound(reply, appId);
  const host = queryValues(request, "host")[0];
  const tasks = core.tasks.ofApp(appId).filter((t) => !host || host === "*" || t.host === host);
  return killTasks(core, request, reply, tasks, false);
}

/** DELETE /v2/apps/{id}/tasks/{taskId}. */
export function killOneTask(
  core: MarathonCore,
  request: FastifyRequest,
  reply: FastifyReply,
  appId: string,
  taskId: string,
): FastifyReply {
  if (!core.apps.get(appId)) return appNotFound(reply, appId);
  const task = core.tasks.get(taskId);
  if (!task || task.appId !== appId) return sendMessage(reply, 404, `Task '${taskId}' does not exist`);
  return killTasks(core, request, reply, [task], true);
}
