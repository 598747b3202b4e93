import type { Command } from "commander";
import { CliError, ExitCode } from "./exit-codes.js";

interface PruneFlags {
  all?: boolean;
}

/** `minimesos prune`: removes what crashed Docker clusters left in the engine. */
export function registerPruneCommand(program: Command): void {
  program
    .command("prune")
    .description(
      "end the processes of clusters whose .minimesos/ is gone, and remove the containers, networks and " +
        "volumes of Docker clusters that no longer run",
    )
    .option(
      "--all",
      "remove every minimesos cluster's processes, containers, networks and volumes, running or not",
    )
    .action(async (options: PruneFlags) => {
      const { pruneClusterProcesses } = await import("../cluster/prune-processes.js");
      const ended = await pruneClusterProcesses({ all: options.all ?? false });
      if (ended.clusters.length > 0)
        process.stderr.write(
          `Ended ${ended.processes} process(es) of ${ended.clusters.length} cluster(s) without a state dir ` +
            `(${ended.clusters.join(", ")})\n`,
        );
      const { engineAnswers } = await import("../cluster/docker/engine.js");
      if (!(await engineAnswers())) {
        if (ended.clusters.length > 0) return;
        throw new CliError(
          "No Docker engine answers (check DOCKER_HOST or the Docker daemon)",
          ExitCode.backendUnavailable,
        );
      }
      const { pruneClusters } = await import("../cluster/docker/prune.js");
      const result = await pruneClusters({ all: options.all ?? false });
      if (result.clusters.length === 0 && ended.clusters.length > 0) return;
      process.stderr.write(
        result.clusters.length === 0
          ? "Nothing to prune\n"
          : `Pruned ${result.clusters.length} cluster(s) (${result.clusters.join(", ")}): ` +
              `${result.containers} container(s), ${result.networks} network(s), ${result.volumes} volume(s)\n`,
      );
    });
}
