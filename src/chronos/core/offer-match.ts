import type { Offer } from "../../mesos/offer.js";
import type { Resource } from "../../mesos/resource.js";
import type { Job } from "../model/job.js";
import type { ChronosCore } from "./chronos-core.js";
import { fitResources, meetsConstraints, remaining } from "./offer-fit.js";
import { parseTaskId } from "./task-id.js";

export interface Pick {
  taskId: string;
  job: Job;
  offer: Offer;
  resources: Resource[];
}

/**
 * Chronos's generateLaunchableTasks: takes queued tasks in order (high priority first) and places each on
 * the first offer it fits (resources and constraints). A task of a deleted or disabled job, of a
 * non-concurrent job that is running, or of a job already placed in this round is dropped; the first task
 * that fits nowhere goes back to the head of the queue and ends the round.
 */
export function matchQueue(core: ChronosCore, offers: readonly Offer[]): Pick[] {
  const left = new Map(offers.map((o) => [o.id.value, o.resources]));
  const picks: Pick[] = [];
  const d = core.options.defaults;
  for (let taskId = core.queue.poll(); taskId !== undefined; taskId = core.queue.poll()) {
    const name = parseTaskId(taskId)?.jobName ?? "";
    const job = core.graph.get(name);
    if (!job || job.disabled) continue;
    if (!job.concurrent && core.running.isRunning(name)) {
      core.logger.warn(
        { taskId },
        "the job is already running and does not allow concurrency; dropping the task",
      );
      continue;
    }
    if (picks.some((p) => p.job.name === name)) continue;
    const needs = { cpus: job.cpus || d.cpus, mem: job.mem || d.mem, disk: job.disk || d.disk };
    let placed = false;
    for (const offer of offers) {
      const free = left.get(offer.id.value) ?? [];
      if (!meetsConstraints(offer, job.constraints)) continue;
      const resources = fitResources(free, needs, core.options.mesosRole);
      if (!resources) continue;
      left.set(offer.id.value, remaining(free, resources));
      picks.push({ taskId, job, offer, resources });
      placed = true;
      break;
    }
    if (!placed) {
      core.queue.putBack(taskId, job.highPriority);
      break;
    }
  }
  return picks;
}
