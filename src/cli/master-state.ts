/** The parts of the master's legacy `/master/state` JSON that `ps` and `logs` read. */

export interface StateTask {
  id: string;
  name: string;
  framework_id: string;
  slave_id: string;
  state: string;
  executor_id?: string;
  resources?: { ports?: string };
  discovery?: { ports?: { ports?: Array<{ number: number }> } };
}

export interface StateFramework {
  id: string;
  name: string;
  tasks?: StateTask[];
  completed_tasks?: StateTask[];
  unreachable_tasks?: StateTask[];
}

export interface MasterState {
  version?: string;
  frameworks?: StateFramework[];
  completed_frameworks?: StateFramework[];
}

/** One line of `ps`, and the element of `ps --json` (a stable shape). */
export interface TaskRow {
  framework: string;
  frameworkId: string;
  task: string;
  taskId: string;
  state: string;
  ports: number[];
  agentId: string;
}

/** Every port of a ports summary like `[31000-31002, 31005-31005]` (at most 1000 per range). */
function rangeStarts(text: string | undefined): number[] {
  if (!text) return [];
  return [...text.matchAll(/(\d+)\s*-\s*(\d+)/g)].flatMap(([, begin, end]) => {
    const from = Number(begin);
    const to = Number(end);
    return Array.from({ length: Math.min(to - from + 1, 1000) }, (_, i) => from + i);
  });
}

/** The task's discovery ports when it has any, otherwise the ports of its `ports` resources. */
export function taskPorts(task: StateTask): number[] {
  const discovery = task.discovery?.ports?.ports?.map((p) => p.number) ?? [];
  return discovery.length > 0 ? discovery : rangeStarts(task.resources?.ports);
}

const row = (framework: StateFramework, task: StateTask): TaskRow => ({
  framework: framework.name,
  frameworkId: framework.id,
  task: task.name,
  taskId: task.id,
  state: task.state,
  ports: taskPorts(task),
  agentId: task.slave_id,
});

/**
 * The tasks of the state: by default the active ones of the registered frameworks (what minimesos's `ps`
 * showed); with `all`, also completed and unreachable tasks and those of completed frameworks.
 */
export function taskRows(state: MasterState, all = false): TaskRow[] {
  const frameworks = [...(state.frameworks ?? []), ...(all ? (state.completed_frameworks ?? []) : [])];
  return frameworks.flatMap((framework) =>
    [
      ...(framework.tasks ?? []),
      ...(all ? [...(framework.unreachable_tasks ?? []), ...(framework.completed_tasks ?? [])] : []),
    ].map((task) => row(framework, task)),
  );
}
