import type { Command } from "commander";
import { roleStatus, type RoleStatus } from "../cluster/cluster-status.js";
import { StateDir } from "../cluster/state-dir.js";
import { NOT_RUNNING } from "./cluster-access.js";
import { ExitCode } from "./exit-codes.js";
import { formatTable, writeOutput } from "./output.js";

/** `status --json`: a stable shape. `clusterId` is null when no cluster is recorded here. */
export interface ClusterStatus {
  clusterId: string | null;
  healthy: boolean;
  roles: RoleStatus[];
}

const yesNo = (value: boolean) => (value ? "yes" : "no");

export const renderStatus = (status: ClusterStatus): string =>
  formatTable(
    ["NAME", "URL", "PID", "RUNNING", "HEALTHY"],
    status.roles.map((r) => [r.name, r.url, String(r.pid), yesNo(r.running), yesNo(r.healthy)]),
  );

/** Every recorded role's status; the cluster is healthy when it has roles and each one is. */
export async function clusterStatus(state: StateDir): Promise<ClusterStatus> {
  const record = state.readCluster();
  if (!record) return { clusterId: state.readClusterId() ?? null, healthy: false, roles: [] };
  const roles = await Promise.all(record.roles.map((role) => roleStatus(record.clusterId, role)));
  return { clusterId: record.clusterId, healthy: roles.length > 0 && roles.every((r) => r.healthy), roles };
}

export function registerStatusCommand(program: Command): void {
  program
    .command("status")
    .description("show each role of the cluster: URL, pid, running, healthy (exit 1 unless all healthy)")
    .option(
      "--json",
      "print {clusterId, healthy, roles: [{name, role, url, pid, running, healthy, logPath}]}",
    )
    .action(async (options: { json?: boolean }) => {
      const status = await clusterStatus(new StateDir(process.cwd()));
      if (status.roles.length === 0) process.stderr.write(`${NOT_RUNNING}\n`);
      if (status.roles.length > 0 || options.json) writeOutput(options, status, renderStatus);
      if (status.roles.length > 0 && !status.healthy)
        process.stderr.write("Not every role is healthy; see the role logs under .minimesos/logs/\n");
      process.exitCode = status.healthy ? ExitCode.ok : ExitCode.failure;
    });
}
