import type { ID } from "../../mesos/ids.js";
import type { TaskState } from "../../mesos/task-state.js";
import type { Task, TaskStatus } from "../../mesos/task.js";
import type { MasterContext } from "../context.js";
import type { FrameworkRecord } from "../state/framework-record.js";
import { masterStatus, sendStatusUpdate } from "./status.js";

const RECONCILED = "Reconciliation: Latest task state";

/** A known task's latest state, without the original data, message and reason. */
function latestStateStatus(task: Task): TaskStatus {
  const last = task.statuses[task.statuses.length - 1];
  const extra: Partial<TaskStatus> = {};
  if (last?.healthy !== undefined) extra.healthy = last.healthy;
  if (last?.labels) extra.labels = last.labels;
  if (last?.container_status) extra.container_status = last.container_status;
  if (last?.unreachable_time) extra.unreachable_time = last.unreachable_time;
  return masterStatus(task, task.state, "REASON_RECONCILIATION", RECONCILED, extra);
}

/**
 * The answer for one task in explicit reconciliation (§2 of the reference). None while the task may be on
 * an agent that a restarted master expects back: its own agent, or any when the call names none.
 */
export function reconcileOne(
  ctx: MasterContext,
  framework: FrameworkRecord,
  taskId: ID,
  agentId?: ID,
): TaskStatus | undefined {
  const known =
    framework.tasks.get(taskId.value) ??
    framework.unreachableTasks.find((t) => t.task_id.value === taskId.value);
  if (known && (!agentId || agentId.value === known.agent_id.value)) return latestStateStatus(known);
  if (agentId ? ctx.agents.recovered.has(agentId.value) : ctx.agents.recovered.size > 0) return undefined;
  const answer = (state: TaskState, message: string) =>
    masterStatus(
      agentId ? { task_id: taskId, agent_id: agentId } : { task_id: taskId },
      state,
      "REASON_RECONCILIATION",
      message,
    );
  if (agentId && ctx.agents.get(agentId.value))
    return answer("TASK_GONE", "Reconciliation: Task is unknown to the agent");
  if (agentId && ctx.agents.unreachable.has(agentId.value))
    return answer("TASK_UNREACHABLE", "Reconciliation: Task is unreachable");
  if (agentId && ctx.agents.gone.has(agentId.value))
    return answer("TASK_GONE_BY_OPERATOR", "Reconciliation: Task is gone");
  return answer("TASK_UNKNOWN", "Reconciliation: Task is unknown");
}

/** RECONCILE: an empty list answers for every task the master knows (implicit), else for each task given. */
export function reconcileTasks(
  ctx: MasterContext,
  framework: FrameworkRecord,
  tasks: ReadonlyArray<{ task_id: ID; agent_id?: ID }>,
): void {
  ctx.counters.count("reconcile_tasks");
  if (tasks.length === 0) {
    for (const task of [...framework.tasks.values(), ...framework.unreachableTasks.values()])
      sendStatusUpdate(framework, latestStateStatus(task));
    return;
  }
  for (const { task_id, agent_id } of tasks) {
    const status = reconcileOne(ctx, framework, task_id, agent_id);
    if (status) sendStatusUpdate(framework, status);
  }
}
