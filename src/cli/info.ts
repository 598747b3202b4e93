import type { Command } from "commander";
import { liveCluster } from "../cluster/cluster-status.js";
import { exportLines } from "../cluster/exports.js";
import { probe } from "../cluster/http-probe.js";
import type { ClusterRecord } from "../cluster/state-dir.js";
import { StateDir } from "../cluster/state-dir.js";

async function mesosVersion(record: ClusterRecord): Promise<string> {
  const master = record.roles.find((r) => r.role === "master");
  if (!master) return "unknown";
  try {
    const res = await probe(`${master.url}/version`, 2000);
    return (JSON.parse(res.body) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * The export lines go to stdout (so `eval $(minimesos info)` works); the human lines minimesos printed
 * before them go to stderr.
 */
export async function printClusterInfo(record: ClusterRecord, json: boolean): Promise<void> {
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ...record, mesosVersion: await mesosVersion(record) }, null, 2)}\n`,
    );
    return;
  }
  process.stderr.write(
    `Minimesos cluster is running: ${record.clusterId}\nMesos version: ${await mesosVersion(record)}\n`,
  );
  process.stdout.write(`${exportLines(record).join("\n")}\n`);
}

export function registerInfoCommand(program: Command): void {
  program
    .command("info")
    .description("print the running cluster's export lines (eval $(minimesos info))")
    .option("--json", "print the cluster record as JSON")
    .action(async (options: { json?: boolean }) => {
      const state = new StateDir(process.cwd());
      const id = state.readClusterId();
      if (!id) {
        process.stderr.write(`Cluster ID is not found in ${state.idFile}\n`);
        return;
      }
      const record = await liveCluster(state);
      if (!record) {
        process.stderr.write(
          `Minimesos cluster ${id} is not running. Run 'minimesos destroy' to clean up, then 'minimesos up'.\n`,
        );
        return;
      }
      await printClusterInfo(record, options.json ?? false);
    });
}
