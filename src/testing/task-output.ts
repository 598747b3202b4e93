import { executorDirectory, sandboxFileUrl } from "../cli/sandbox.js";
import type { AgentState } from "./agent-state.js";
import { getJson, getText } from "./http-json.js";
import type { MasterState } from "./master-state.js";
import { findTask } from "./observations.js";

export type TaskOutputStream = "stdout" | "stderr";

/**
 * A task's sandbox `stdout` or `stderr`, read through the agent's files API: the master says where the task
 * ran, the agent's `/state` gives the executor's sandbox directory.
 */
export async function readTaskOutput(
  state: MasterState,
  agentUrls: ReadonlyMap<string, string>,
  taskId: string,
  stream: TaskOutputStream,
): Promise<string> {
  const task = findTask(state, taskId);
  if (!task) throw new Error(`No task ${taskId} at the master`);
  const agentUrl = agentUrls.get(task.slave_id);
  if (!agentUrl)
    throw new Error(`Task ${taskId} ran on agent ${task.slave_id}, which is not running in this cluster`);
  const agentState = await getJson<AgentState>(`${agentUrl}/state`);
  const directory = executorDirectory(agentState, task.framework_id, taskId);
  if (!directory) throw new Error(`Agent ${task.slave_id} has no sandbox for task ${taskId}`);
  return getText(sandboxFileUrl(agentUrl, directory, stream));
}
