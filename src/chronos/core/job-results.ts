import { nowText, parseSchedule } from "../schedule/iso8601.js";
import type { ChronosCore } from "./chronos-core.js";
import { taskIdOf, type ChronosTaskId } from "./task-id.js";

/** Queues the children that are ready now that `parent` completed (Chronos's processDependencies). */
export function triggerChildren(core: ChronosCore, parent: string): void {
  for (const child of core.graph.executableChildren(parent))
    if (!child.disabled) core.enqueue(taskIdOf(child, Date.now()), child.highPriority);
}

/** A task of the job finished: success counters, children, and a job whose count ran out is disabled. */
export function jobSucceeded(core: ChronosCore, task: ChronosTaskId, slaveId: string, taskId: string): void {
  const job = core.graph.get(task.jobName);
  if (!job) return;
  const now = Date.now();
  core.runTimesOf(job.name).update(now - task.due);
  core.count("success", job.name);
  core.history.ended(job.name, taskId, slaveId, true, now);
  const updated = {
    ...job,
    successCount: job.successCount + 1,
    errorsSinceLastSuccess: 0,
    lastSuccess: nowText(now),
  };
  core.put(updated);
  triggerChildren(core, job.name);
  if (updated.schedule !== undefined) {
    const schedule = parseSchedule(updated.schedule, updated.scheduleTimeZone ?? "");
    if (typeof schedule !== "string" && schedule.repeat === 0) {
      core.logger.info({ job: job.name }, "disabling a job that has exhausted its recurrences");
      core.put({ ...updated, disabled: true });
    }
  }
}

/** Marks a job successful by hand (`PUT …/job/success/{name}`); false when there is no such job. */
export function markSucceeded(core: ChronosCore, name: string): boolean {
  const job = core.graph.get(name);
  if (!job) return false;
  core.count("success", name);
  core.put({ ...job, successCount: job.successCount + 1, errorsSinceLastSuccess: 0, lastSuccess: nowText() });
  core.graph.resetInvocations(name);
  triggerChildren(core, name);
  return true;
}

const after = (a: string, b: string): boolean => Date.parse(a) - Date.parse(b) >= 0;

/**
 * A task failed: retried (after `--failure_retry`) while attempts are left and the job's last outcome was
 * not itself a failure, as Chronos decides; otherwise the error counters go up, the job may be disabled
 * (`--disable_after_failures`), and with `softError` its children run anyway.
 */
export function jobFailed(core: ChronosCore, task: ChronosTaskId, slaveId: string, taskId: string): void {
  const job = core.graph.get(task.jobName);
  if (!job) return;
  core.history.ended(job.name, taskId, slaveId, false);
  const attemptsLeft = task.attempt < job.retries;
  const recentSuccess =
    job.lastError !== "" && job.lastSuccess !== "" && after(job.lastSuccess, job.lastError);
  if (attemptsLeft && (job.lastError === "" || recentSuccess)) {
    const delay = core.options.failureRetryMs;
    core.logger.warn({ job: job.name, attempt: task.attempt }, "retrying job");
    core.enqueueLater(taskIdOf(job, Date.now() + delay, task.attempt + 1), job.highPriority, delay);
    return;
  }
  const limit = core.options.disableAfterFailures;
  const disable = limit > 0 && job.errorsSinceLastSuccess + 1 >= limit;
  core.count("failure", job.name);
  core.put({
    ...job,
    errorCount: job.errorCount + 1,
    errorsSinceLastSuccess: job.errorsSinceLastSuccess + 1,
    lastError: nowText(),
    disabled: job.disabled || disable,
  });
  if (job.softError) triggerChildren(core, job.name);
}
