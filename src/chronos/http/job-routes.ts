import type { FastifyInstance } from "fastify";
import type { ChronosCore } from "../core/chronos-core.js";
import { deleteJob, runNow } from "../core/job-ops.js";
import { markSucceeded } from "../core/job-results.js";
import { lastState } from "../core/job-state.js";
import { requirementFailed } from "../model/job-parse.js";
import { jobView } from "../model/job-json.js";
import type { Job } from "../model/job.js";
import { PREFIXES, apiError, noContent, param, queryText, sendJson } from "./replies.js";

const contains = (text: string, part: string | undefined): boolean =>
  part !== undefined && part !== "" && text.toLowerCase().includes(part.toLowerCase());

/** Chronos's search: name and command must both match when given; `any` rescues a job matching either. */
function search(jobs: Job[], q: { name?: string; command?: string; any?: string }): Job[] {
  return jobs.filter((j) => {
    let valid = true;
    if (q.name && !contains(j.name, q.name)) valid = false;
    if (q.command && !contains(j.command, q.command)) valid = false;
    if (!valid && (contains(j.name, q.any) || contains(j.command, q.any))) valid = true;
    return valid;
  });
}

const intOr = (text: string | undefined, fallback: number): number =>
  text !== undefined && /^-?\d+$/.test(text.trim()) ? Number(text) : fallback;

/** The job routes: list, search, summary, one job, run now, delete, mark success, stats. */
export function registerJobRoutes(http: FastifyInstance, core: ChronosCore): void {
  for (const { prefix } of PREFIXES) {
    http.get(`${prefix}/jobs`, (_request, reply) => sendJson(reply, 200, core.graph.all().map(jobView)));
    http.get(`${prefix}/jobs/search`, (request, reply) => {
      const limit = intOr(queryText(request, "limit"), 10);
      const offset = intOr(queryText(request, "offset"), 0);
      const found = search(core.graph.all(), {
        name: queryText(request, "name"),
        command: queryText(request, "command"),
        any: queryText(request, "any"),
      });
      return sendJson(reply, 200, found.slice(offset, offset + limit).map(jobView));
    });
    http.get(`${prefix}/jobs/summary`, (_request, reply) =>
      sendJson(reply, 200, {
        jobs: core.graph.all().map((j) => ({
          name: j.name,
          status: lastState(j),
          state: core.currentState(j.name),
          schedule: j.schedule ?? "",
          parents: j.parents ?? [],
          disabled: j.disabled,
        })),
      }),
    );
    http.get(`${prefix}/job/:name`, (request, reply) => {
      const job = core.graph.get(param(request, "name"));
      if (!job) return apiError(reply, 400, requirementFailed(`Job '${param(request, "name")}' not found`));
      return sendJson(reply, 200, jobView(job));
    });
    http.put(`${prefix}/job/:name`, (request, reply) => {
      const name = param(request, "name");
      if (!runNow(core, name, queryText(request, "arguments")))
        return apiError(reply, 400, requirementFailed(`Job '${name}' not found`));
      return noContent(reply);
    });
    http.delete(`${prefix}/job/:name`, (request, reply) => {
      const name = param(request, "name");
      if (!deleteJob(core, name))
        return apiError(reply, 400, requirementFailed(`JobSchedule '${name}' not found`));
      return noContent(reply);
    });
    http.put(`${prefix}/job/success/:name`, (request, reply) => {
      const name = param(request, "name");
      const done = markSucceeded(core, name);
      return reply.code(200).type("application/json").send(`marked job ${name} as successful: ${done}`);
    });
    http.get(`${prefix}/job/stat/:name`, (request, reply) => {
      const name = param(request, "name");
      if (!core.graph.get(name)) return apiError(reply, 400, requirementFailed(`Job '${name}' not found`));
      return sendJson(reply, 200, {
        histogram: core.runTimesOf(name).view(),
        taskStatHistory: core.history.view(name),
      });
    });
  }
}
