/** Where a task's sandbox is, from an agent's `/state` JSON (the executor that ran the task). */

interface AgentStateTask {
  id: string;
}

interface AgentStateExecutor {
  id: string;
  directory?: string;
  tasks?: AgentStateTask[];
  queued_tasks?: AgentStateTask[];
  completed_tasks?: AgentStateTask[];
}

interface AgentStateFramework {
  id: string;
  executors?: AgentStateExecutor[];
  completed_executors?: AgentStateExecutor[];
}

export interface AgentState {
  id: string;
  frameworks?: AgentStateFramework[];
  completed_frameworks?: AgentStateFramework[];
}

const runsTask = (executor: AgentStateExecutor, taskId: string): boolean =>
  [...(executor.tasks ?? []), ...(executor.queued_tasks ?? []), ...(executor.completed_tasks ?? [])].some(
    (t) => t.id === taskId,
  );

/**
 * The sandbox directory of the executor that runs (or ran) `taskId` of `frameworkId`. Running executors
 * come first, so a task relaunched under the same id finds its newest sandbox.
 */
export function executorDirectory(
  state: AgentState,
  frameworkId: string,
  taskId: string,
): string | undefined {
  const frameworks = [...(state.frameworks ?? []), ...(state.completed_frameworks ?? [])].filter(
    (f) => f.id === frameworkId,
  );
  for (const framework of frameworks) {
    const executors = [...(framework.executors ?? []), ...(framework.completed_executors ?? [])];
    const executor = executors.find((e) => e.directory && runsTask(e, taskId));
    if (executor?.directory) return executor.directory;
  }
  return undefined;
}

/** The agent URL that downloads `file` (stdout, stderr) of a sandbox. */
export const sandboxFileUrl = (agentUrl: string, directory: string, file: string): string =>
  `${agentUrl}/files/download?path=${encodeURIComponent(`${directory}/${file}`)}`;
