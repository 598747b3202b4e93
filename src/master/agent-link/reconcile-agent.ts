import { appendStatus } from "../../mesos/task.js";
import type { Task } from "../../mesos/task.js";
import type { MasterContext } from "../context.js";
import { masterStatus, sendStatusUpdate } from "../core/status.js";
import { completeTask, recordTaskStatus } from "../core/tasks.js";
import { isTerminalState } from "../../mesos/task-state.js";

/**
 * Brings the master's view of an agent's tasks in line with what the agent reports on re-registration.
 * Unreachable tasks come back (RUNNING with REASON_AGENT_REREGISTERED); tasks the agent no longer knows are
 * dropped. With no report (`reported` undefined) the master keeps what it has.
 */
export function reconcileAgentTasks(ctx: MasterContext, agentId: string, reported: Task[] | undefined): void {
  const reportedById = new Map(
    (reported ?? []).map((t) => [`${t.framework_id.value}/${t.task_id.value}`, t]),
  );
  for (const framework of ctx.frameworks.all()) {
    for (const task of framework.unreachableTasks.values().filter((t) => t.agent_id.value === agentId)) {
      framework.unreachableTasks.remove((t) => t === task);
      const report = reportedById.get(`${framework.id}/${task.task_id.value}`);
      if (reported && !report) {
        const status = masterStatus(
          task,
          "TASK_GONE",
          "REASON_AGENT_REREGISTERED",
          "Task is unknown to the agent",
        );
        framework.tasks.set(task.task_id.value, task);
        recordTaskStatus(ctx, task, status);
        completeTask(framework, task);
        sendStatusUpdate(framework, status);
        continue;
      }
      const state = report?.state ?? "TASK_RUNNING";
      const status = masterStatus(
        task,
        state,
        "REASON_AGENT_REREGISTERED",
        "Agent " + agentId + " reregistered",
      );
      framework.tasks.set(task.task_id.value, task);
      task.state = state;
      appendStatus(task.statuses, status);
      task.status_update_state = state;
      delete task.status_update_uuid;
      sendStatusUpdate(framework, status);
    }
    if (!reported) continue;
    for (const task of framework.tasksOn(agentId)) {
      if (reportedById.has(`${framework.id}/${task.task_id.value}`) || isTerminalState(task.state)) continue;
      const status = masterStatus(
        task,
        "TASK_DROPPED",
        "REASON_TASK_UNKNOWN",
        "Task is unknown to the agent",
      );
      recordTaskStatus(ctx, task, status);
      completeTask(framework, task);
      sendStatusUpdate(framework, status);
    }
    for (const report of reported.filter((t) => t.framework_id.value === framework.id)) {
      if (!framework.tasks.has(report.task_id.value) && !isTerminalState(report.state))
        framework.tasks.set(report.task_id.value, structuredClone(report));
    }
  }
}

/** Everything frameworks hold on an agent, for the allocator's bookkeeping. */
export function usedOnAgent(ctx: MasterContext, agentId: string) {
  return ctx.frameworks.all().map((framework) => ({
    frameworkId: framework.id,
    resources: [
      ...framework.tasksOn(agentId).flatMap((t) => (isTerminalState(t.state) ? [] : t.resources)),
      ...[...framework.executorsOn(agentId).values()].flatMap((e) => e.resources ?? []),
    ],
  }));
}
