import type { Command } from "commander";
import { MarathonRejected, remove } from "../cluster/marathon-api.js";
import { uninstallJob } from "./chronos-jobs.js";
import { runningCluster } from "./cluster-access.js";
import { CliError, ExitCode } from "./exit-codes.js";
import { marathonUrl } from "./marathon-access.js";

export function registerUninstallCommand(program: Command): void {
  program
    .command("uninstall")
    .description("delete a Marathon app or group, or a Chronos job")
    .option("--app <id>", "the app to delete")
    .option("--group <id>", "the group to delete")
    .option("--job <name>", "the Chronos job to delete")
    .action(async (options: { app?: string; group?: string; job?: string }) => {
      if (options.job !== undefined) return uninstallJob(await runningCluster(), options.job);
      if ((options.app === undefined) === (options.group === undefined))
        throw new CliError("Please specify --app or --group to uninstall an app or group", ExitCode.usage);
      const record = await runningCluster();
      const kind = options.app !== undefined ? "app" : "group";
      const id = (options.app ?? options.group) as string;
      try {
        await remove(marathonUrl(record), kind, id);
      } catch (error) {
        if (error instanceof MarathonRejected)
          throw new CliError(`Marathon did not delete ${kind} '${id}': ${error.body}`);
        throw error;
      }
      process.stdout.write(`Deleted ${kind} '${id}'\n`);
    });
}
