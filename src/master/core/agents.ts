import { appendStatus } from "../../mesos/task.js";
import type { MasterContext } from "../context.js";
import { agentView } from "../operator-api/views.js";
import type { AgentRecord } from "../state/agent-record.js";
import { rescindOffersOfAgent } from "./offers.js";
import { masterStatus, sendStatusUpdate } from "./status.js";
import { completeTask, emitTaskUpdated } from "./tasks.js";

const nowSeconds = () => Date.now() / 1000;

export function emitAgentAdded(ctx: MasterContext, agent: AgentRecord): void {
  ctx.operatorEvents.emit(() => ({ type: "AGENT_ADDED", agent_added: { agent: agentView(ctx, agent) } }));
}

/** The agent's link stream closed: no more offers from it, and it becomes unreachable unless it comes back in time. */
export function agentDisconnected(ctx: MasterContext, agent: AgentRecord): void {
  if (ctx.stopping || ctx.agents.get(agent.id) !== agent) return;
  agent.stream = undefined;
  agent.active = false;
  if (agent.pingTimer) clearInterval(agent.pingTimer);
  agent.pingTimer = undefined;
  ctx.allocator.setAgentActive(agent.id, false);
  rescindOffersOfAgent(ctx, agent.id);
  if (agent.unreachableTimer) clearTimeout(agent.unreachableTimer);
  ctx.counters.slaveUnreachableScheduled++;
  agent.unreachableTimer = setTimeout(
    () => markAgentUnreachable(ctx, agent),
    ctx.options.agentPingTimeoutMs * ctx.options.maxAgentPingTimeouts,
  );
}

function removeAgentRecord(ctx: MasterContext, agent: AgentRecord): void {
  if (agent.unreachableTimer) clearTimeout(agent.unreachableTimer);
  if (agent.pingTimer) clearInterval(agent.pingTimer);
  agent.unreachableTimer = undefined;
  agent.pingTimer = undefined;
  rescindOffersOfAgent(ctx, agent.id);
  ctx.agents.remove(agent.id);
  ctx.allocator.removeAgent(agent.id);
  ctx.counters.slaveRemovals++;
  for (const framework of ctx.frameworks.all()) framework.executors.delete(agent.id);
}

/** After the task updates: FAILURE to every framework and AGENT_REMOVED to operator subscribers. */
function announceAgentLost(ctx: MasterContext, agentId: string): void {
  for (const framework of ctx.frameworks.all())
    framework.connection?.stream.send({ type: "FAILURE", failure: { agent_id: { value: agentId } } });
  ctx.operatorEvents.emit(() => ({ type: "AGENT_REMOVED", agent_removed: { agent_id: { value: agentId } } }));
}

/** The agent stayed away too long: its tasks become TASK_UNREACHABLE (TASK_LOST for frameworks that are not partition-aware). */
export function markAgentUnreachable(ctx: MasterContext, agent: AgentRecord): void {
  if (ctx.agents.get(agent.id) !== agent) return;
  const time = nowSeconds();
  ctx.counters.slaveUnreachableCompleted++;
  ctx.counters.slaveRemovalsUnhealthy++;
  ctx.agents.markUnreachable(agent.id, { info: agent.info, time });
  removeAgentRecord(ctx, agent);
  const unreachable_time = { nanoseconds: Math.round(time * 1e9) };
  for (const framework of ctx.frameworks.all()) {
    for (const task of framework.tasksOn(agent.id)) {
      const status = masterStatus(
        task,
        "TASK_UNREACHABLE",
        "REASON_AGENT_REMOVED",
        "Agent " + agent.id + " is unreachable",
        { unreachable_time },
      );
      task.state = "TASK_UNREACHABLE";
      appendStatus(task.statuses, status);
      task.status_update_state = "TASK_UNREACHABLE";
      delete task.status_update_uuid;
      framework.tasks.delete(task.task_id.value);
      framework.unreachableTasks.push(task);
      emitTaskUpdated(ctx, task, status);
      sendStatusUpdate(framework, status);
    }
  }
  announceAgentLost(ctx, agent.id);
}

/** MARK_AGENT_GONE: its tasks are TASK_GONE_BY_OPERATOR (or LOST) and the agent is shut down if it comes back. */
export function markAgentGone(ctx: MasterContext, agentId: string): boolean {
  const agent = ctx.agents.get(agentId);
  const unreachable = ctx.agents.unreachable.get(agentId);
  if (!agent && !unreachable) return ctx.agents.gone.has(agentId);
  ctx.agents.markGone(agentId, agent?.info ?? unreachable!.info);
  if (agent) {
    agent.stream?.send({ type: "SHUTDOWN", shutdown: { message: "Agent has been marked gone" } });
    agent.stream?.close();
    removeAgentRecord(ctx, agent);
  }
  for (const framework of ctx.frameworks.all()) {
    const tasks = [
      ...framework.tasksOn(agentId),
      ...framework.unreachableTasks.values().filter((t) => t.agent_id.value === agentId),
    ];
    for (const task of tasks) {
      const status = masterStatus(
        task,
        "TASK_GONE_BY_OPERATOR",
        "REASON_AGENT_REMOVED_BY_OPERATOR",
        "Agent " + agentId + " has been marked gone",
      );
      task.state = "TASK_GONE_BY_OPERATOR";
      appendStatus(task.statuses, status);
      task.status_update_state = task.state;
      delete task.status_update_uuid;
      ctx.counters.countTerminal(task.state);
      framework.unreachableTasks.remove((t) => t === task);
      if (framework.tasks.get(task.task_id.value) === task) completeTask(framework, task);
      else framework.completedTasks.push(task);
      emitTaskUpdated(ctx, task, status);
      sendStatusUpdate(framework, status);
    }
  }
  if (agent) announceAgentLost(ctx, agentId);
  return true;
}
