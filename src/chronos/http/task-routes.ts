import type { FastifyInstance } from "fastify";
import type { ChronosCore } from "../core/chronos-core.js";
import { jobFailed, jobSucceeded } from "../core/job-results.js";
import { parseTaskId } from "../core/task-id.js";
import { requirementFailed } from "../model/job-parse.js";
import { PREFIXES, apiError, jsonBody, noContent, param } from "./replies.js";

/** Task kill, an async job's completion (`PUT P/task/{id}`), and data-processing progress. */
export function registerTaskRoutes(http: FastifyInstance, core: ChronosCore): void {
  for (const { prefix } of PREFIXES) {
    http.delete(`${prefix}/task/kill/:name`, (request, reply) => {
      const name = param(request, "name");
      if (!core.graph.get(name))
        return apiError(reply, 400, requirementFailed(`JobSchedule '${name}' not found`));
      core.killTasks(name);
      return noContent(reply);
    });
    http.put(`${prefix}/task/:taskId`, (request, reply) => {
      const body = jsonBody(request, reply);
      if (!body) return reply;
      const statusCode = (body.json as { statusCode?: unknown } | null)?.statusCode;
      if (typeof statusCode !== "number")
        return apiError(
          reply,
          400,
          'An async job\'s completion needs a numeric statusCode, as {"statusCode":0}',
        );
      const taskId = param(request, "taskId");
      const parsed = parseTaskId(taskId);
      if (!parsed) return noContent(reply);
      core.running.remove(taskId);
      if (statusCode === 0) jobSucceeded(core, parsed, "", taskId);
      else jobFailed(core, parsed, "", taskId);
      core.requestEvaluate();
      return noContent(reply);
    });
    http.post(`${prefix}/job/:name/task/:taskId/progress`, (request, reply) => {
      const name = param(request, "name");
      const taskId = param(request, "taskId");
      const job = core.graph.get(name);
      if (!job) return apiError(reply, 400, requirementFailed(`JobSchedule '${name}' not found`));
      if (!parseTaskId(taskId))
        return apiError(reply, 400, requirementFailed(`Invalid task id format ${taskId}`));
      if (!job.dataProcessingJobType)
        return apiError(reply, 400, requirementFailed(`JobSchedule '${name}' is not enabled to track data`));
      const body = jsonBody(request, reply);
      if (!body) return reply;
      const added = (body.json as { numAdditionalElementsProcessed?: unknown } | null)
        ?.numAdditionalElementsProcessed;
      if (typeof added === "number") {
        if (added < 0)
          return apiError(
            reply,
            400,
            requirementFailed(`numAdditionalElementsProcessed (${added}) is not positive`),
          );
        core.history.progress(name, taskId, added);
      }
      return noContent(reply);
    });
  }
}
