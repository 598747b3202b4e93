import type { Command } from "commander";
import { findAgent } from "./agents.js";
import { masterUrl, runningClusterOrNotice } from "./cluster-access.js";
import { getJson } from "./http-get.js";
import { formatJson } from "./output.js";

interface StateOptions {
  agent?: string;
  json?: boolean;
}

export function registerStateCommand(program: Command): void {
  program
    .command("state")
    .description("print the master's state JSON (or an agent's, with --agent)")
    .option("--agent <id>", "an agent id, or the start of one: print that agent's /state")
    .option("--json", "accepted for symmetry: the output is always JSON")
    .action(async (options: StateOptions) => {
      const record = await runningClusterOrNotice();
      if (!record) return;
      const master = masterUrl(record);
      const url = options.agent
        ? `${(await findAgent(master, options.agent)).url}/state`
        : `${master}/master/state`;
      process.stdout.write(formatJson(await getJson<unknown>(url)));
    });
}
