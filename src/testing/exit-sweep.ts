import { CLUSTER_ID_ENV } from "../cluster/cluster-id.js";
import { processesWithEnv } from "../cluster/runtime/pids.js";

const clusters = new Set<string>();

/** Last resort when the test process exits without stopping its clusters: SIGKILL what they started. */
function sweepAll(): void {
  for (const clusterId of clusters)
    for (const pid of processesWithEnv(CLUSTER_ID_ENV, clusterId)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
}

/** Watches a process-runtime cluster until `forget`: its processes die with the test process. */
export function sweepOnExit(clusterId: string): void {
  if (clusters.size === 0) process.once("exit", sweepAll);
  clusters.add(clusterId);
}

export function forgetOnExit(clusterId: string): void {
  clusters.delete(clusterId);
  if (clusters.size === 0) process.removeListener("exit", sweepAll);
}
