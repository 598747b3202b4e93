import { clusterIdsWithCgroups, destroyClusterCgroups } from "../agent/isolation/cluster-cgroups.js";
import { markedProcesses, stateDirHolds } from "./process-marks.js";
import { terminate } from "./runtime/pids.js";

export interface ProcessPruneResult {
  /** Ids of the clusters whose processes were ended. */
  clusters: string[];
  /** Role and task processes ended (found by their marks or in the cluster's cgroups). */
  processes: number;
}

/**
 * Ends the processes of clusters that no longer have a state dir (`.minimesos/` deleted, or reused by
 * another cluster): roles and tasks found by their environment marks, and every task process in the
 * cluster's cgroups, however it changed its environment or session. Processes of a cluster without a
 * state-dir mark (started by an older minimesos) are left alone unless `all`.
 */
export async function pruneClusterProcesses({ all }: { all: boolean }): Promise<ProcessPruneResult> {
  const marked = markedProcesses();
  const ids = new Set([...marked.map((p) => p.clusterId), ...clusterIdsWithCgroups()]);
  const result: ProcessPruneResult = { clusters: [], processes: 0 };
  for (const id of ids) {
    const own = marked.filter((p) => p.clusterId === id);
    const held = own.some((p) => p.stateDir !== undefined && stateDirHolds(p.stateDir, id));
    const unknown = own.length > 0 && own.every((p) => p.stateDir === undefined);
    if (!all && (held || unknown)) continue;
    await terminate(
      own.map((p) => p.pid),
      2000,
    );
    const inCgroups = await destroyClusterCgroups(id);
    result.clusters.push(id);
    result.processes += own.length + inCgroups;
  }
  return result;
}
