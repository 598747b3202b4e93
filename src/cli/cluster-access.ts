import { liveCluster } from "../cluster/cluster-status.js";
import type { ClusterRecord } from "../cluster/state-dir.js";
import { StateDir } from "../cluster/state-dir.js";
import { CliError, ExitCode } from "./exit-codes.js";

export const NOT_RUNNING = "Minimesos cluster is not running";

/**
 * The cluster recorded in `cwd` when its master answers. Otherwise prints "Minimesos cluster is not
 * running" on stderr and resolves to undefined: the read commands then end with exit 0, as minimesos did.
 */
export async function runningClusterOrNotice(cwd = process.cwd()): Promise<ClusterRecord | undefined> {
  const record = await liveCluster(new StateDir(cwd)).catch(() => undefined);
  if (!record) process.stderr.write(`${NOT_RUNNING}\n`);
  return record;
}

/** The cluster recorded in `cwd` when its master answers, for commands that cannot do without one. */
export async function runningCluster(cwd = process.cwd()): Promise<ClusterRecord> {
  const record = await liveCluster(new StateDir(cwd)).catch(() => undefined);
  if (!record)
    throw new CliError("Running cluster is not found", ExitCode.failure, "Start one with 'minimesos up'.");
  return record;
}

export function masterUrl(record: ClusterRecord): string {
  const master = record.roles.find((r) => r.role === "master");
  if (!master)
    throw new CliError(
      "The cluster record has no master",
      ExitCode.failure,
      "Run 'minimesos destroy' and 'minimesos up' again.",
    );
  return master.url;
}
