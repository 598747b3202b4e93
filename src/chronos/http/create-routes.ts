import type { FastifyInstance } from "fastify";
import type { ChronosCore } from "../core/chronos-core.js";
import { storeJob } from "../core/job-ops.js";
import { parseJob, type PostedTo } from "../model/job-parse.js";
import { PREFIXES, apiError, jsonBody, noContent } from "./replies.js";

/** `POST P/iso8601` and `POST P/dependency` (2.x also PUT): create or replace a job, 204 with no body. */
export function registerCreateRoutes(http: FastifyInstance, core: ChronosCore): void {
  for (const { prefix, v2 } of PREFIXES)
    for (const kind of ["iso8601", "dependency"] as const) {
      const posted: PostedTo = { kind, v2 };
      http.route({
        method: v2 ? ["POST", "PUT"] : ["POST"],
        url: `${prefix}/${kind}`,
        handler: (request, reply) => {
          const body = jsonBody(request, reply);
          if (!body) return reply;
          const parsed = parseJob(body.json, posted, core.options.defaults);
          if (!parsed.ok) return apiError(reply, parsed.status, parsed.message);
          const problem = storeJob(core, parsed.job);
          if (problem) return apiError(reply, problem.status, problem.message);
          return noContent(reply);
        },
      });
    }
}
