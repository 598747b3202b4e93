import type { TaskStatus } from "../../mesos/task.js";
import type { ChronosCore } from "./chronos-core.js";
import { jobFailed, jobSucceeded } from "./job-results.js";
import { parseTaskId } from "./task-id.js";

const ACTIVE = new Set(["TASK_STAGING", "TASK_STARTING", "TASK_RUNNING"]);
const FAILED = new Set(["TASK_FAILED", "TASK_LOST", "TASK_ERROR", "TASK_DROPPED", "TASK_GONE"]);

/**
 * One task status update from the master, as Chronos's statusUpdate handles it: active states update the
 * running task (a dependent job's edge counters reset as it starts); an end removes it, then a finish
 * counts a success (not for async jobs, which report their own end), a failure retries or counts an
 * error, a kill only ends the task. Tasks of jobs that no longer exist are killed.
 */
export function handleStatus(core: ChronosCore, status: TaskStatus): void {
  const taskId = status.task_id.value;
  const parsed = parseTaskId(taskId);
  if (!parsed) {
    core.logger.warn({ taskId }, "status update for a task id Chronos did not make; ignoring it");
    return;
  }
  const job = core.graph.get(parsed.jobName);
  const slaveId = status.agent_id?.value ?? core.running.get(taskId)?.agentId ?? "";
  if (ACTIVE.has(status.state)) {
    if (!job) {
      if (status.agent_id) core.driver?.kill(status.task_id, status.agent_id).catch(() => undefined);
      return;
    }
    const task = core.running.get(taskId);
    if (task) task.state = status.state;
    else
      core.running.add({
        taskId,
        jobName: parsed.jobName,
        agentId: slaveId,
        host: "",
        state: status.state,
        launchedAt: Date.now(),
      });
    const running = core.running.get(taskId);
    if (status.state === "TASK_RUNNING" && running && running.runningAt === undefined) {
      running.runningAt = Date.now();
      core.history.started(job.name, taskId, slaveId, running.runningAt);
    }
    if (job.parents) core.graph.resetInvocations(job.name);
    core.changed();
    return;
  }
  core.running.remove(taskId);
  if (status.state === "TASK_FINISHED") {
    if (!job?.async) jobSucceeded(core, parsed, slaveId, taskId);
  } else if (FAILED.has(status.state)) jobFailed(core, parsed, slaveId, taskId);
  else if (status.state === "TASK_KILLED" && job) core.history.ended(job.name, taskId, slaveId, false);
  core.changed();
  core.requestEvaluate();
}
