import { isTerminalState, type TaskState } from "../mesos/task-state.js";
import type { MasterAgent, MasterFramework, MasterState, MasterTask } from "./master-state.js";
import type { Observation } from "./wait.js";

const allFrameworks = (state: MasterState): MasterFramework[] => [
  ...state.frameworks,
  ...state.completed_frameworks,
];

/** The task with this id: a live one first, then unreachable, then completed (newest last in each list). */
export function findTask(state: MasterState, taskId: string): MasterTask | undefined {
  const frameworks = allFrameworks(state);
  for (const list of ["tasks", "unreachable_tasks", "completed_tasks"] as const)
    for (const framework of frameworks) {
      const found = framework[list].findLast((t) => t.id === taskId);
      if (found) return found;
    }
  return undefined;
}

export function observeTask(state: MasterState, taskId: string, wanted: TaskState): Observation<MasterTask> {
  const task = findTask(state, taskId);
  if (!task) return { seen: `no task ${taskId} at the master` };
  if (task.state === wanted) return { value: task };
  const seen = `task ${taskId} is ${task.state} (states: ${task.statuses.map((s) => s.state).join(" → ") || "none"})`;
  return isTerminalState(task.state) ? { fail: seen } : { seen };
}

export function observeFramework(state: MasterState, nameOrId: string): Observation<MasterFramework> {
  const matches = (f: MasterFramework) => f.id === nameOrId || f.name === nameOrId;
  const active = state.frameworks.find((f) => matches(f) && f.active);
  if (active) return { value: active };
  const known = state.frameworks.map((f) => `${f.name} (${f.id}${f.active ? "" : ", inactive"})`);
  return { seen: known.length > 0 ? `frameworks ${known.join(", ")}` : "no framework registered" };
}

export function observeAgents(state: MasterState, count: number): Observation<MasterAgent[]> {
  const active = state.slaves.filter((a) => a.active);
  if (active.length >= count) return { value: active };
  return { seen: `${active.length} active of ${state.slaves.length} registered agent(s)` };
}

/** The master removed the agent from its registered agents and counts it as unreachable. */
export function observeUnreachable(state: MasterState, agentId: string): Observation<MasterState> {
  const agent = state.slaves.find((a) => a.id === agentId);
  if (!agent && state.unreachable_slaves > 0) return { value: state };
  return {
    seen: agent
      ? `agent ${agentId} still registered (${agent.active ? "active" : "inactive"})`
      : `agent ${agentId} not registered, but no agent is unreachable`,
  };
}
