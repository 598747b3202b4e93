import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Hierarchy } from "./cgroup-fs.js";

/** Where the controllers a task's cgroup uses are mounted on this machine. */
export interface Hierarchies {
  /** Holds every process of a container (so kill finds them all): v2 when mounted, else a v1 one. */
  membership: Hierarchy;
  /** Where membership may go when the first choice is not writable (v2, then v1 freezer, pids, memory). */
  membershipCandidates: Hierarchy[];
  /** Limits memory: v2 with the memory controller, else v1 `memory`. */
  memory?: Hierarchy;
  /** Weights and caps CPU: v2 with the cpu controller, else v1 `cpu`. */
  cpu?: Hierarchy;
}

export const CGROUP_MOUNT = "/sys/fs/cgroup";

function v2At(root: string): Hierarchy | undefined {
  return existsSync(join(root, "cgroup.controllers")) ? { root, version: 2 } : undefined;
}

function v1At(root: string): Hierarchy | undefined {
  return existsSync(join(root, "tasks")) && existsSync(join(root, "cgroup.procs"))
    ? { root, version: 1 }
    : undefined;
}

function v2Controllers(hierarchy: Hierarchy): string[] {
  try {
    return readFileSync(join(hierarchy.root, "cgroup.controllers"), "utf8").trim().split(/\s+/);
  } catch {
    return [];
  }
}

/**
 * The hierarchies of a pure cgroup v2 host (everything at /sys/fs/cgroup), of a hybrid one (v1
 * controllers at /sys/fs/cgroup/<name>, a controller-less v2 at /sys/fs/cgroup/unified) or of a pure
 * v1 one. Undefined when no cgroup filesystem is mounted. Writability is found out by using them.
 */
export function detectHierarchies(mount = CGROUP_MOUNT): Hierarchies | undefined {
  const v2 = v2At(mount) ?? v2At(join(mount, "unified"));
  const controllers = v2 ? v2Controllers(v2) : [];
  const v1 = (name: string) => v1At(join(mount, name));
  const membershipCandidates = [v2, v1("freezer"), v1("pids"), v1("memory")].filter(
    (h): h is Hierarchy => h !== undefined,
  );
  const membership = membershipCandidates[0];
  if (!membership) return undefined;
  const memory = v2 && controllers.includes("memory") ? v2 : v1("memory");
  const cpu = v2 && controllers.includes("cpu") ? v2 : v1("cpu");
  return { membership, membershipCandidates, ...(memory ? { memory } : {}), ...(cpu ? { cpu } : {}) };
}

/** The distinct hierarchies of a set (a pure v2 host has one for all three uses). */
export function distinctHierarchies(h: Hierarchies): Hierarchy[] {
  const all = [h.membership, h.memory, h.cpu].filter((x): x is Hierarchy => x !== undefined);
  return all.filter((x, i) => all.findIndex((y) => y.root === x.root) === i);
}

/**
 * Every cgroup hierarchy root mounted under `mount` (v2 and each v1 one), for finding a cluster's
 * cgroups wherever an agent put them.
 */
export function allHierarchyRoots(mount = CGROUP_MOUNT): Hierarchy[] {
  const found: Hierarchy[] = [];
  const top = v2At(mount);
  if (top) return [top];
  const unified = v2At(join(mount, "unified"));
  if (unified) found.push(unified);
  for (const name of ["freezer", "pids", "memory", "cpu", "cpuacct", "cpu,cpuacct", "blkio", "systemd"]) {
    const h = v1At(join(mount, name));
    if (h && !found.some((f) => f.root === h.root)) found.push(h);
  }
  return found;
}
