import { appendStatus } from "../../mesos/task.js";
import { isTerminalState, type TaskState } from "../../mesos/task-state.js";
import type { Task, TaskStatus } from "../../mesos/task.js";
import type { MasterContext } from "../context.js";
import type { FrameworkRecord } from "../state/framework-record.js";

/** States after which a task no longer holds its resources. */
export const releasesResources = (state: TaskState): boolean =>
  isTerminalState(state) || state === "TASK_UNREACHABLE";

export function emitTaskUpdated(ctx: MasterContext, task: Task, status: TaskStatus): void {
  ctx.operatorEvents.emit(() => ({
    type: "TASK_UPDATED",
    task_updated: { framework_id: task.framework_id, status, state: task.state },
  }));
}

/**
 * Records a status on a task: `state` is the latest state the agent knows (it can be ahead of `status`),
 * `status_update_*` describe the update being delivered. Resources go back to the allocator the first time
 * the task reaches a terminal or unreachable state.
 */
export function recordTaskStatus(
  ctx: MasterContext,
  task: Task,
  status: TaskStatus,
  latestState: TaskState = status.state,
): void {
  const before = task.state;
  task.state = latestState;
  const stored: TaskStatus = { ...status };
  delete stored.data;
  appendStatus(task.statuses, stored);
  task.status_update_state = status.state;
  if (status.uuid !== undefined) task.status_update_uuid = status.uuid;
  else delete task.status_update_uuid;
  if (!releasesResources(before) && releasesResources(latestState)) {
    if (isTerminalState(latestState)) ctx.counters.countTerminal(latestState);
    if (ctx.agents.get(task.agent_id.value))
      ctx.allocator.recoverResources(task.framework_id.value, task.agent_id.value, task.resources);
  }
  emitTaskUpdated(ctx, task, stored);
}

/** Moves a task from the live list to completed_tasks. */
export function completeTask(framework: FrameworkRecord, task: Task): void {
  framework.tasks.delete(task.task_id.value);
  framework.completedTasks.push(task);
}
