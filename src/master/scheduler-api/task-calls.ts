import { sendToAgent } from "../core/agent-messages.js";
import { reconcileOne, reconcileTasks } from "../core/reconcile.js";
import { sendStatusUpdate } from "../core/status.js";
import { completeTask } from "../core/tasks.js";
import { isTerminalState } from "../../mesos/task-state.js";
import { ACCEPTED, type CallHandler } from "./call-result.js";

/** KILL: a known task is killed through its agent; an unknown one gets a reconciliation-style answer. */
export const kill: CallHandler = (ctx, framework, call) => {
  const { task_id, agent_id, kill_policy } = call.kill!;
  ctx.counters.count("kill_task");
  const task = framework.tasks.get(task_id.value);
  if (!task) {
    const status = reconcileOne(ctx, framework, task_id, agent_id);
    if (status) sendStatusUpdate(framework, status);
    return ACCEPTED;
  }
  const policy = kill_policy ?? task.kill_policy;
  sendToAgent(ctx, task.agent_id.value, {
    type: "KILL_TASK",
    kill_task: { framework_id: task.framework_id, task_id, ...(policy ? { kill_policy: policy } : {}) },
  });
  return ACCEPTED;
};

export const shutdown: CallHandler = (ctx, framework, call) => {
  const { executor_id, agent_id } = call.shutdown!;
  ctx.counters.count("shutdown_executor");
  sendToAgent(ctx, agent_id.value, {
    type: "SHUTDOWN_EXECUTOR",
    shutdown_executor: { framework_id: { value: framework.id }, executor_id },
  });
  return ACCEPTED;
};

/** ACKNOWLEDGE: relayed to the agent; an acknowledged terminal update moves the task to completed_tasks. */
export const acknowledge: CallHandler = (ctx, framework, call) => {
  const { agent_id, task_id, uuid } = call.acknowledge!;
  ctx.counters.count("status_update_acknowledgement");
  const delivered = sendToAgent(ctx, agent_id.value, {
    type: "ACKNOWLEDGE",
    acknowledge: { framework_id: { value: framework.id }, task_id, uuid },
  });
  if (delivered) ctx.counters.validAcknowledgements++;
  else ctx.counters.invalidAcknowledgements++;
  const task = framework.tasks.get(task_id.value);
  if (task && task.status_update_uuid === uuid && isTerminalState(task.status_update_state ?? task.state))
    completeTask(framework, task);
  return ACCEPTED;
};

export const reconcile: CallHandler = (ctx, framework, call) => {
  reconcileTasks(ctx, framework, call.reconcile?.tasks ?? []);
  return ACCEPTED;
};

export const message: CallHandler = (ctx, framework, call) => {
  const { agent_id, executor_id, data } = call.message!;
  ctx.counters.count("framework_to_executor");
  sendToAgent(ctx, agent_id.value, {
    type: "FRAMEWORK_MESSAGE",
    framework_message: { framework_id: { value: framework.id }, executor_id, data },
  });
  return ACCEPTED;
};
