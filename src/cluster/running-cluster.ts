import { CLUSTER_ID_ENV } from "./cluster-id.js";
import { processesWithEnv, terminate } from "./runtime/pids.js";
import { reachableHost } from "./plan.js";
import type { LaunchedRole, RoleLaunch, RuntimeKind } from "./runtime/runtime.js";
import type { ClusterRecord, StateDir } from "./state-dir.js";

/** A cluster whose roles are up: what `up` returns and the test library wraps. */
export class RunningCluster {
  constructor(
    readonly clusterId: string,
    readonly runtime: RuntimeKind,
    readonly state: StateDir,
    readonly master: LaunchedRole,
    readonly agents: LaunchedRole[],
    readonly agentIds: string[],
    readonly bindAddress: string,
    /** What each role was started with, by name: its flags go into cluster.json. */
    readonly launches: readonly RoleLaunch[] = [],
    readonly marathon?: LaunchedRole,
    /** The other roles beside master, agents and Marathon (consul, registrator), in start order. */
    readonly extraRoles: readonly LaunchedRole[] = [],
  ) {}

  get roles(): LaunchedRole[] {
    return [this.master, ...this.agents, ...(this.marathon ? [this.marathon] : []), ...this.extraRoles];
  }

  /** The one role of a kind beside master and agents (consul, registrator), when the cluster has it. */
  extraRole(role: LaunchedRole["role"]): LaunchedRole | undefined {
    return this.extraRoles.find((r) => r.role === role);
  }

  record(): ClusterRecord {
    return {
      clusterId: this.clusterId,
      runtime: this.runtime,
      createdAt: new Date().toISOString(),
      bindAddress: this.bindAddress,
      roles: this.roles.map((r) => {
        const flags = this.launches.find((l) => l.name === r.name)?.flags ?? {};
        return {
          name: r.name,
          role: r.role,
          url: r.url,
          hostname: flags.hostname ?? r.advertisedIp ?? reachableHost(new URL(r.url).hostname),
          pid: r.pid,
          ...(r.containerId ? { containerId: r.containerId } : {}),
          logPath: r.logPath,
          workDir: this.state.workDir(r.name),
          flags,
        };
      }),
    };
  }
}

/**
 * Stops the given roles (agents first, so they end their tasks while the master still answers), then
 * ends every process still carrying the cluster's id (tasks of agents that were killed abruptly).
 */
export async function stopRoles(
  clusterId: string,
  roles: readonly LaunchedRole[],
  sweep: boolean,
): Promise<void> {
  const agents = roles.filter((r) => r.role !== "master");
  const masters = roles.filter((r) => r.role === "master");
  // Marathon and the agents stop together: Marathon kills no task when it stops, the agents end them all.
  await Promise.all(agents.map((r) => r.stop().catch(() => r.kill())));
  await Promise.all(masters.map((r) => r.stop().catch(() => r.kill())));
  if (sweep) await terminate(processesWithEnv(CLUSTER_ID_ENV, clusterId), 2000);
}
