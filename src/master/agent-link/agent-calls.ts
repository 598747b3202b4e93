import type { AgentLinkCall } from "../../mesos/agent-link-protocol.js";
import type { TaskState } from "../../mesos/task-state.js";
import { isStatusUuid } from "../../mesos/ids.js";
import type { MasterContext } from "../context.js";
import { sendToAgent } from "../core/agent-messages.js";
import { sendStatusUpdate } from "../core/status.js";
import { completeTask, recordTaskStatus } from "../core/tasks.js";
import { isTerminalState } from "../../mesos/task-state.js";
import type { AgentRecord } from "../state/agent-record.js";

/**
 * STATUS_UPDATE: record the task's new state and forward the update (with its uuid) to the framework.
 * Answers why it was refused when the task runs on another agent than the one reporting it.
 */
export function handleStatusUpdate(
  ctx: MasterContext,
  agent: AgentRecord,
  call: AgentLinkCall,
): string | undefined {
  const update = call.status_update as NonNullable<AgentLinkCall["status_update"]>;
  const status = { ...update.status, agent_id: { value: agent.id } };
  const known = ctx.frameworks.get(update.framework_id.value)?.tasks.get(status.task_id.value);
  if (known && known.agent_id.value !== agent.id) {
    ctx.counters.invalidStatusUpdates++;
    ctx.logger.warn(
      { agentId: agent.id, taskId: status.task_id.value, taskAgentId: known.agent_id.value },
      "refused a status update from an agent that does not run the task",
    );
    return `Task ${status.task_id.value} does not run on agent ${agent.id}`;
  }
  ctx.counters.count("status_update");
  const framework = ctx.frameworks.get(update.framework_id.value);
  if (!framework) {
    ctx.counters.invalidStatusUpdates++;
    // The framework is gone: acknowledge for it so the agent stops resending.
    if (isStatusUuid(status.uuid))
      sendToAgent(ctx, agent.id, {
        type: "ACKNOWLEDGE",
        acknowledge: { framework_id: update.framework_id, task_id: status.task_id, uuid: status.uuid },
      });
    return undefined;
  }
  ctx.counters.validStatusUpdates++;
  const task = framework.tasks.get(status.task_id.value);
  if (task) {
    recordTaskStatus(ctx, task, status, (update.latest_state ?? status.state) as TaskState);
    // A terminal update without a uuid will never be acknowledged: the task is complete now.
    if (status.uuid === undefined && isTerminalState(status.state)) completeTask(framework, task);
  }
  sendStatusUpdate(framework, status);
  return undefined;
}

export function handleExecutorExited(ctx: MasterContext, agent: AgentRecord, call: AgentLinkCall): void {
  const exited = call.executor_exited as NonNullable<AgentLinkCall["executor_exited"]>;
  const framework = ctx.frameworks.get(exited.framework_id.value);
  if (!framework) return;
  const executors = framework.executorsOn(agent.id);
  const executor = executors.get(exited.executor_id.value);
  if (executor) {
    executors.delete(exited.executor_id.value);
    if (executor.resources?.length)
      ctx.allocator.recoverResources(framework.id, agent.id, executor.resources, 0);
  }
  framework.connection?.stream.send({
    type: "FAILURE",
    failure: { agent_id: { value: agent.id }, executor_id: exited.executor_id, status: exited.status },
  });
}

export function handleExecutorMessage(ctx: MasterContext, agent: AgentRecord, call: AgentLinkCall): void {
  const message = call.executor_message as NonNullable<AgentLinkCall["executor_message"]>;
  const framework = ctx.frameworks.get(message.framework_id.value);
  ctx.counters.count("executor_to_framework");
  framework?.connection?.stream.send({
    type: "MESSAGE",
    message: { agent_id: { value: agent.id }, executor_id: message.executor_id, data: message.data },
  });
}
