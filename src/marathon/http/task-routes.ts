import type { FastifyInstance } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import { jsonBody, queryValues, sendJson, sendMessage } from "./replies.js";
import { taskJson } from "./task-json.js";
import { tasksText, wantsPlainText } from "./tasks-text.js";
import { killTasks } from "./task-kill.js";

/** GET /v2/tasks (`status=`) and POST /v2/tasks/delete. */
export function registerTaskRoutes(http: FastifyInstance, core: MarathonCore): void {
  http.get("/v2/tasks", (request, reply) => {
    if (wantsPlainText(request.headers.accept))
      return reply.code(200).type("text/plain").send(tasksText(core, core.apps.all()));
    const statuses = [...queryValues(request, "status"), ...queryValues(request, "status[]")].map(
      (s) => `TASK_${s.toUpperCase()}`,
    );
    const tasks = core.tasks.all().filter((t) => statuses.length === 0 || statuses.includes(t.state));
    return sendJson(reply, 200, { tasks: tasks.map((t) => taskJson(t, core.apps.get(t.appId))) });
  });

  http.post("/v2/tasks/delete", (request, reply) => {
    const body = jsonBody(request, reply);
    if (!body) return reply;
    const ids = (body.json as { ids?: unknown })?.ids;
    if (!Array.isArray(ids))
      return sendMessage(reply, 400, "Invalid JSON", {
        details: [{ path: "/ids", errors: ["error.path.missing"] }],
      });
    const bad = ids.find((id) => typeof id !== "string" || !id.includes("."));
    if (bad !== undefined) return sendMessage(reply, 400, `Invalid task id '${String(bad)}'`);
    const tasks = (ids as string[]).flatMap((id) => {
      const task = core.tasks.get(id);
      return task ? [task] : [];
    });
    return killTasks(core, request, reply, tasks, false);
  });
}
