import { destroyClusterCgroups } from "../agent/isolation/cluster-cgroups.js";
import { CLUSTER_ID_ENV } from "./cluster-id.js";
import { markedProcesses } from "./process-marks.js";
import { environmentOf, processesWithEnv, terminate } from "./runtime/pids.js";
import type { StateDir } from "./state-dir.js";

/**
 * Ends every process of the cluster recorded in `state` and removes the state directory. Idempotent, and
 * it works after a partial `up`: processes are found by the cluster id in their environment, and a pid
 * from cluster.json is only signalled while it still carries that id (pids get reused). Containers,
 * networks and volumes labelled with the cluster id go too (runtime "docker", or no cluster.json), and so
 * does every process in the cluster's cgroups (`minimesos-<id>`), whatever it did to its environment.
 * Without `.minimesos/`, the cluster is found by the state dir its role processes are marked with.
 * Resolves to the destroyed cluster's id, or undefined when there was none.
 */
export async function destroyCluster(state: StateDir): Promise<string | undefined> {
  const clusterId = state.readClusterId();
  if (clusterId === undefined) {
    const orphaned = await destroyUnrecordedCluster(state.path);
    state.remove();
    return orphaned;
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
  // Tasks that cleared their environment or left their session are still in the cluster's cgroups.
  await destroyClusterCgroups(clusterId);
  state.remove();
  return clusterId;
}

/**
 * `.minimesos/` (or its id file) is gone: the processes marked with this state dir tell the cluster
 * id; they are ended, with every task in that cluster's cgroups. Resolves to that id, if any.
 */
async function destroyUnrecordedCluster(stateDir: string): Promise<string | undefined> {
  const found = markedProcesses().filter((p) => p.stateDir === stateDir);
  const ids = [...new Set(found.map((p) => p.clusterId))];
  await terminate(
    found.map((p) => p.pid),
    3000,
  );
  for (const id of ids) {
    await terminate(processesWithEnv(CLUSTER_ID_ENV, id), 1000);
    await destroyClusterCgroups(id);
  }
  return ids[0];
}
