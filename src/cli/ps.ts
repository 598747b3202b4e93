import type { Command } from "commander";
import { masterUrl, runningClusterOrNotice } from "./cluster-access.js";
import { getJson } from "./http-get.js";
import { taskRows, type MasterState, type TaskRow } from "./master-state.js";
import { formatTable, writeOutput } from "./output.js";

interface PsOptions {
  all?: boolean;
  json?: boolean;
}

export const PS_HEADER = ["FRAMEWORK", "TASK", "STATE", "PORT"] as const;

export const renderTasks = (rows: readonly TaskRow[]): string =>
  formatTable(
    PS_HEADER,
    rows.map((r) => [r.framework, r.task, r.state, r.ports[0] === undefined ? "" : String(r.ports[0])]),
  );

export function registerPsCommand(program: Command): void {
  program
    .command("ps")
    .description("list the frameworks' tasks with their state and first port")
    .option("--all", "include completed tasks and those of completed frameworks")
    .option("--json", "print an array of {framework, frameworkId, task, taskId, state, ports, agentId}")
    .action(async (options: PsOptions) => {
      const record = await runningClusterOrNotice();
      if (!record) return;
      const state = await getJson<MasterState>(`${masterUrl(record)}/master/state`);
      writeOutput(options, taskRows(state, options.all ?? false), renderTasks);
    });
}
