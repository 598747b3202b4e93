import { requirementFailed, type JobProblem } from "../model/job-parse.js";
import { isDependent, type Job } from "../model/job.js";
import type { ChronosCore } from "./chronos-core.js";
import { taskIdOf } from "./task-id.js";

const NO_PARENT = "Error, parent does not exist";

/**
 * Stores a posted job, creating or replacing it as Chronos's iso8601 and dependency resources do (the
 * posted body replaces the job whole, counters included). A dependent job needs parents that all exist
 * and no cycle; nothing is stored when a check fails.
 */
export function storeJob(core: ChronosCore, job: Job): JobProblem | undefined {
  const existing = core.graph.get(job.name);
  if (isDependent(job)) {
    // Chronos throws a plain Exception (a 500) for a new job and fails a `require` (a 400) for a replacement.
    if (job.parents.length === 0)
      return existing
        ? { status: 400, message: requirementFailed(NO_PARENT) }
        : { status: 500, message: `java.lang.Exception: ${NO_PARENT}` };
    const missing = job.parents.filter((p) => !core.graph.get(p));
    if (missing.length > 0)
      return {
        status: 400,
        message: requirementFailed(
          `JobSchedule ${job.name} does not have all parents defined! (no job named ${missing.map((m) => `'${m}'`).join(", ")})`,
        ),
      };
    if (core.graph.wouldCycle(job.name, job.parents))
      return {
        status: 400,
        message: requirementFailed(
          `the parents [${job.parents.join(", ")}] of '${job.name}' would make a dependency cycle`,
        ),
      };
  }
  core.put(job);
  core.requestEvaluate();
  return undefined;
}

/**
 * Deletes a job: its dependent children are re-parented onto its parents, or, if it was a scheduled job,
 * take over its schedule; its running tasks are killed and its queued task dropped.
 */
export function deleteJob(core: ChronosCore, name: string): boolean {
  const job = core.graph.get(name);
  if (!job) return false;
  for (const child of core.graph.childrenOf(name)) {
    const { parents: _old, ...rest } = child;
    if (isDependent(job)) {
      const parents = [...new Set([...(child.parents ?? []).filter((p) => p !== name), ...job.parents])];
      core.put({ ...rest, parents });
    } else {
      core.put({ ...rest, schedule: job.schedule ?? "", scheduleTimeZone: job.scheduleTimeZone ?? "" });
    }
  }
  core.killTasks(name);
  core.graph.remove(name);
  core.runTimes.delete(name);
  core.changed();
  core.requestEvaluate();
  return true;
}

/** `PUT …/job/{name}`: queues a run now, with run-now arguments in its task id. */
export function runNow(core: ChronosCore, name: string, args: string | undefined): boolean {
  const job = core.graph.get(name);
  if (!job) return false;
  core.enqueue(taskIdOf(job, Date.now(), 0, args), job.highPriority);
  return true;
}
