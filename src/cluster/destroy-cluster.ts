import { CLUSTER_ID_ENV } from "./cluster-id.js";
import { environmentOf, processesWithEnv, terminate } from "./runtime/pids.js";
import type { StateDir } from "./state-dir.js";

/**
 * Ends every process of the cluster recorded in `state` and removes the state directory. Idempotent, and
 * it works after a partial `up`: processes are found by the cluster id in their environment, and a pid
 * from cluster.json is only signalled while it still carries that id (pids get reused). Containers,
 * networks and volumes labelled with the cluster id go too (runtime "docker", or no cluster.json).
 * Resolves to the destroyed cluster's id, or undefined when there was none.
 */
export async function destroyCluster(state: StateDir): Promise<string | undefined> {
  const clusterId = state.readClusterId();
  if (clusterId === undefined) {
    state.remove();
    return undefined;
  }
  const ours = (pid: number) => environmentOf(pid)?.[CLUSTER_ID_ENV] === clusterId;
  let record;
  try {
    record = state.readCluster();
  } catch {
    record = undefined;
  }
  if (record === undefined || record.runtime === "docker") {
    const { destroyDockerCluster } = await import("./docker/destroy.js");
    await destroyDockerCluster(clusterId, { onlyIfEngine: record === undefined });
  }
  // Every role at once: an agent stops its link to the master before it ends its tasks, so it does not
  // need the master any more while it stops.
  await terminate((record?.roles ?? []).map((r) => r.pid).filter(ours), 3000);
  await terminate(processesWithEnv(CLUSTER_ID_ENV, clusterId), 1000);
  state.remove();
  return clusterId;
}
