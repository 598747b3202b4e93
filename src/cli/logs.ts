import type { Command } from "commander";
import { findAgent } from "./agents.js";
import { masterUrl, runningClusterOrNotice } from "./cluster-access.js";
import { CliError, ExitCode } from "./exit-codes.js";
import { getJson, getText } from "./http-get.js";
import type { MasterState } from "./master-state.js";
import { executorDirectory, sandboxFileUrl, type AgentState } from "./sandbox.js";
import { findTask } from "./task-match.js";

interface LogsOptions {
  task: string;
  stderr?: boolean;
}

export function registerLogsCommand(program: Command): void {
  program
    .command("logs")
    .description("print the stdout (or stderr) of a task's sandbox")
    .requiredOption("--task <id>", "the task id, or a part of it that names one task")
    .option("--stderr", "print the task's stderr instead of its stdout")
    .action(async (options: LogsOptions) => {
      const record = await runningClusterOrNotice();
      if (!record) return;
      const master = masterUrl(record);
      const task = findTask(await getJson<MasterState>(`${master}/master/state`), options.task);
      const agent = await findAgent(master, task.agentId);
      const directory = executorDirectory(
        await getJson<AgentState>(`${agent.url}/state`),
        task.frameworkId,
        task.taskId,
      );
      if (!directory)
        throw new CliError(
          `Cannot find the sandbox of task '${task.taskId}' on agent '${agent.id}'`,
          ExitCode.failure,
          "The agent may have removed it (sandboxes of old tasks are garbage-collected).",
        );
      const file = options.stderr ? "stderr" : "stdout";
      process.stderr.write(`[minimesos] Fetching '${file}' of task '${task.taskId}'\n\n`);
      process.stdout.write(await getText(sandboxFileUrl(agent.url, directory, file)));
    });
}
