import { CLUSTER_ID_ENV } from "./cluster-id.js";
import { consulReady, isHealthy } from "./readiness.js";
import { environmentOf } from "./runtime/pids.js";
import type { ClusterRecord, RoleRecord, StateDir } from "./state-dir.js";

export interface RoleStatus {
  name: string;
  role: string;
  url: string;
  pid: number;
  /** The process is alive and still carries the cluster's id. */
  running: boolean;
  /** It answered `/health` with 200 (Consul: `/v1/status/leader`). */
  healthy: boolean;
  logPath?: string;
}

export async function roleStatus(clusterId: string, role: RoleRecord): Promise<RoleStatus> {
  const running = environmentOf(role.pid)?.[CLUSTER_ID_ENV] === clusterId;
  // Consul has no /health; registrator serves nothing and is healthy while the Consul it writes to answers.
  const probe = role.role === "consul" || role.role === "registrator" ? consulReady : isHealthy;
  const healthy = running ? ((await probe(role.url).catch(() => undefined)) ?? false) : false;
  return {
    name: role.name,
    role: role.role,
    url: role.url,
    pid: role.pid,
    running,
    healthy,
    logPath: role.logPath,
  };
}

/** The recorded cluster, when its master still runs and answers; undefined otherwise. */
export async function liveCluster(state: StateDir): Promise<ClusterRecord | undefined> {
  const record = state.readCluster();
  const master = record?.roles.find((r) => r.role === "master");
  if (!record || !master) return undefined;
  return (await roleStatus(record.clusterId, master)).healthy ? record : undefined;
}
