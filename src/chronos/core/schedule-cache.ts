import type { Job } from "../model/job.js";
import { parseSchedule, type Schedule } from "../schedule/iso8601.js";

/**
 * Parsed schedules by job object: a stored job is replaced, never changed, so each version of a job is
 * parsed once however often the due loop looks at it.
 */
export class ScheduleCache {
  private cache = new WeakMap<Job, Schedule | undefined>();

  get(job: Job): Schedule | undefined {
    if (this.cache.has(job)) return this.cache.get(job);
    const parsed =
      job.schedule === undefined ? "syntax" : parseSchedule(job.schedule, job.scheduleTimeZone ?? "");
    const schedule = typeof parsed === "string" ? undefined : parsed;
    this.cache.set(job, schedule);
    return schedule;
  }
}
