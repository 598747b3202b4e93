import type { Command } from "commander";
import { destroyCluster } from "../cluster/destroy-cluster.js";
import { StateDir } from "../cluster/state-dir.js";

export function registerDestroyCommand(program: Command): void {
  program
    .command("destroy")
    .description("stop every process of the cluster in this directory and remove .minimesos/")
    .action(async () => {
      const id = await destroyCluster(new StateDir(process.cwd()));
      process.stderr.write(
        id ? `Destroyed minimesos cluster with ID ${id}\n` : "Minimesos cluster is not running\n",
      );
    });
}
