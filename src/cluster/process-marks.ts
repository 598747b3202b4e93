import { dirname } from "node:path";
import { CLUSTER_ID_ENV } from "./cluster-id.js";
import { environmentOf } from "./runtime/pids.js";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The second mark on every role process (the first is the cluster id): the `.minimesos` directory of
 * its cluster, so `destroy` and `prune` find a cluster's processes after that directory was deleted.
 */
export const STATE_DIR_ENV = "MINIMESOS_STATE_DIR";

/** The state dir of a role from its log path (`<state dir>/logs/<role>.log`). */
export const stateDirOfLog = (logPath: string): string => dirname(dirname(logPath));

/** A marked process: pid, cluster id and (for roles started since the mark exists) state dir. */
export interface MarkedProcess {
  pid: number;
  clusterId: string;
  stateDir: string | undefined;
}

/** Every live process carrying a cluster id in its environment (roles, and tasks that kept it). */
export function markedProcesses(): MarkedProcess[] {
  const found: MarkedProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const env = environmentOf(Number(entry));
    const clusterId = env?.[CLUSTER_ID_ENV];
    if (clusterId) found.push({ pid: Number(entry), clusterId, stateDir: env?.[STATE_DIR_ENV] });
  }
  return found;
}

/** True when `stateDir` still holds the cluster: its id file names that cluster. */
export function stateDirHolds(stateDir: string, clusterId: string): boolean {
  try {
    return readFileSync(join(stateDir, "minimesos.cluster"), "utf8").trim() === clusterId;
  } catch {
    return false;
  }
}
