import type { OperatorAgent, OperatorEvent, OperatorFramework, OperatorState } from "./operator-events.js";
import type { Task } from "./task.js";
import { isTerminalState } from "./task-state.js";

const taskKey = (frameworkId: string, taskId: string): string => `${frameworkId}\u0000${taskId}`;

/**
 * The master's agents, active frameworks and non-terminal tasks, kept current from the operator API:
 * a SUBSCRIBED (or GET_STATE) snapshot, then one event at a time. Terminal tasks leave it.
 */
export class OperatorMirror {
  readonly agents = new Map<string, OperatorAgent>();
  readonly frameworks = new Map<string, OperatorFramework>();
  private readonly taskMap = new Map<string, Task>();

  /** Replaces everything with a snapshot. */
  reset(state: OperatorState): void {
    this.agents.clear();
    this.frameworks.clear();
    this.taskMap.clear();
    for (const agent of state.get_agents?.agents ?? [])
      if (agent.agent_info.id) this.agents.set(agent.agent_info.id.value, agent);
    for (const framework of state.get_frameworks?.frameworks ?? [])
      if (framework.framework_info.id) this.frameworks.set(framework.framework_info.id.value, framework);
    for (const task of state.get_tasks?.tasks ?? []) this.putTask(task);
  }

  get tasks(): IterableIterator<Task> {
    return this.taskMap.values();
  }

  task(frameworkId: string, taskId: string): Task | undefined {
    return this.taskMap.get(taskKey(frameworkId, taskId));
  }

  /**
   * Applies one event. Returns false when the event refers to something this mirror never saw (a status
   * of an unknown task): the caller should fetch a fresh snapshot.
   */
  apply(event: OperatorEvent): boolean {
    switch (event.type) {
      case "SUBSCRIBED":
        this.reset(event.subscribed.get_state);
        return true;
      case "TASK_ADDED":
        this.putTask(event.task_added.task);
        return true;
      case "TASK_UPDATED": {
        const { framework_id, status, state } = event.task_updated;
        const key = taskKey(framework_id.value, status.task_id.value);
        const task = this.taskMap.get(key);
        if (!task) return isTerminalState(state);
        if (isTerminalState(state)) this.taskMap.delete(key);
        else this.taskMap.set(key, { ...task, state, statuses: [...task.statuses, status] });
        return true;
      }
      case "AGENT_ADDED": {
        const agent = event.agent_added.agent;
        if (agent.agent_info.id) this.agents.set(agent.agent_info.id.value, agent);
        return true;
      }
      case "AGENT_REMOVED":
        this.agents.delete(event.agent_removed.agent_id.value);
        return true;
      case "FRAMEWORK_ADDED":
      case "FRAMEWORK_UPDATED": {
        const framework =
          event.type === "FRAMEWORK_ADDED"
            ? event.framework_added.framework
            : event.framework_updated.framework;
        if (framework.framework_info.id) this.frameworks.set(framework.framework_info.id.value, framework);
        return true;
      }
      case "FRAMEWORK_REMOVED": {
        const id = event.framework_removed.framework_info.id?.value;
        if (id === undefined) return true;
        this.frameworks.delete(id);
        for (const [key, task] of this.taskMap) if (task.framework_id.value === id) this.taskMap.delete(key);
        return true;
      }
      default:
        return true;
    }
  }

  private putTask(task: Task): void {
    const key = taskKey(task.framework_id.value, task.task_id.value);
    if (isTerminalState(task.state)) this.taskMap.delete(key);
    else this.taskMap.set(key, task);
  }
}
