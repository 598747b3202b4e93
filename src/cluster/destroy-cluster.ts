import { CLUSTER_ID_ENV } from "./cluster-id.js";
import { environmentOf, processesWithEnv, terminate } from "./runtime/pids.js";
import type { StateDir } from "./state-dir.js";

/**
 * Ends every process of the cluster recorded in `state` and removes the state directory. Idempotent, and
 * it works after a partial `up`: processes are found by the cluster id in their environment, and a pid
 * from cluster.json is only signalled while it still carries that id (pids get reused).
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
  const roles = record?.roles ?? [];
  const agents = roles
    .filter((r) => r.role !== "master")
    .map((r) => r.pid)
    .filter(ours);
  const masters = roles
    .filter((r) => r.role === "master")
    .map((r) => r.pid)
    .filter(ours);
  await terminate(agents, 3000);
  await terminate(masters, 3000);
  await terminate(processesWithEnv(CLUSTER_ID_ENV, clusterId), 1000);
  state.remove();
  return clusterId;
}
