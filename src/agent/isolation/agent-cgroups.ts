import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Logger } from "../../common/logger.js";
import { childCgroups, destroyTree, signalTree, type Hierarchy } from "./cgroup-fs.js";
import { detectHierarchies, distinctHierarchies, type Hierarchies } from "./hierarchies.js";
import { TaskCgroup, type TaskCgroupDirs } from "./task-cgroup.js";

/** Every cluster's cgroups sit in `minimesos-<cluster id>` at the top of each hierarchy. */
export const CLUSTER_CGROUP_PREFIX = "minimesos-";

/** The parent cgroup of a cluster's agents; agents outside a CLI cluster share `minimesos-standalone`. */
export const clusterCgroupName = (clusterId: string | undefined): string =>
  `${CLUSTER_CGROUP_PREFIX}${clusterId && /^[\w.-]+$/.test(clusterId) ? clusterId : "standalone"}`;

/** One agent's cgroup, named after its work dir, so a restarted agent finds what its previous run left. */
export const agentCgroupName = (workDir: string): string =>
  `agent-${createHash("sha256").update(resolve(workDir)).digest("hex").slice(0, 16)}`;

export interface AgentCgroupOptions {
  workDir: string;
  clusterId?: string;
  /** Controllers the isolation flag asks for. */
  memory: boolean;
  cpu: boolean;
  logger: Logger;
  /** Where cgroup filesystems are mounted; default /sys/fs/cgroup. */
  mount?: string;
}

/**
 * The agent's cgroups (`<hierarchy>/minimesos-<cluster>/agent-<work dir hash>/`) and, below them, one
 * cgroup per container named by its container id. Created once at start; `undefined` (with one logged
 * notice) where this machine does not let the agent create cgroups.
 */
export class AgentCgroups {
  private constructor(
    readonly hierarchies: Hierarchies,
    private readonly relative: string,
  ) {}

  static create(options: AgentCgroupOptions): AgentCgroups | undefined {
    const { logger } = options;
    const found = detectHierarchies(options.mount);
    const notice = (why: string) =>
      logger.warn(
        { why },
        "tasks are not contained in cgroups: process groups are used, and a task that leaves its group " +
          "survives kill and destroy; cgroups/cpu and cgroups/mem limits are not applied",
      );
    if (!found) {
      notice("no cgroup filesystem is mounted at /sys/fs/cgroup");
      return undefined;
    }
    const relative = join(clusterCgroupName(options.clusterId), agentCgroupName(options.workDir));
    const usable: Partial<Hierarchies> = {};
    const failures: string[] = [];
    for (const hierarchy of found.membershipCandidates) {
      try {
        prepare(hierarchy, relative, undefined);
        probe(join(hierarchy.root, relative));
        usable.membership = hierarchy;
        break;
      } catch (error) {
        failures.push(`cannot create ${join(hierarchy.root, relative)}: ${(error as Error).message}`);
      }
    }
    if (!usable.membership) {
      notice(failures.join("; "));
      return undefined;
    }
    for (const use of ["memory", "cpu"] as const) {
      const hierarchy = found[use];
      if (!hierarchy || !options[use]) continue;
      try {
        prepare(hierarchy, relative, use);
        probe(join(hierarchy.root, relative));
        usable[use] = hierarchy;
      } catch (error) {
        logger.warn(
          { error: (error as Error).message },
          `cgroups/${use === "memory" ? "mem" : "cpu"} is not usable here; not limiting it`,
        );
      }
    }
    for (const use of ["memory", "cpu"] as const)
      if (options[use] && !usable[use] && !found[use])
        logger.warn(
          `no ${use} cgroup controller on this machine; cgroups/${use === "memory" ? "mem" : "cpu"} is not applied`,
        );
    return new AgentCgroups({ ...usable, membershipCandidates: [] } as Hierarchies, relative);
  }

  private dirIn(hierarchy: Hierarchy, containerId?: string): string {
    return join(hierarchy.root, this.relative, ...(containerId ? [containerId] : []));
  }

  /** The agent's own cgroup in the hierarchy that holds every task process. */
  get membershipDir(): string {
    return this.dirIn(this.hierarchies.membership);
  }

  /** The agent's cgroup in every hierarchy it uses. */
  agentDirs(): string[] {
    return distinctHierarchies(this.hierarchies).map((h) => this.dirIn(h));
  }

  /** Signals every process of one container (a recovered one: the agent has no handle on it). */
  signalContainer(containerId: string, signal: NodeJS.Signals): void {
    signalTree(this.dirIn(this.hierarchies.membership, containerId), signal);
  }

  /** True when the agent applies memory / cpu limits. */
  get limitsMemory(): boolean {
    return this.hierarchies.memory !== undefined;
  }
  get limitsCpu(): boolean {
    return this.hierarchies.cpu !== undefined;
  }

  /** Creates a container's cgroups (fresh: leftovers of a container with that id are destroyed first). */
  async createTask(containerId: string): Promise<TaskCgroup> {
    const { membership, memory, cpu } = this.hierarchies;
    const entry = (h: Hierarchy | undefined) =>
      h ? { dir: this.dirIn(h, containerId), hierarchy: h } : undefined;
    const dirs: TaskCgroupDirs = { membership: entry(membership)! };
    if (memory) dirs.memory = entry(memory)!;
    if (cpu) dirs.cpu = entry(cpu)!;
    const task = new TaskCgroup(dirs);
    for (const h of distinctHierarchies(this.hierarchies)) {
      const dir = this.dirIn(h, containerId);
      if (existsSync(dir)) await destroyTree(dir);
      mkdirSync(dir);
    }
    return task;
  }

  /** The container ids that have a cgroup under this agent (live or left by an earlier run). */
  containerIds(): string[] {
    return childCgroups(this.membershipDir);
  }

  /** Kills and removes one container's cgroups (an orphan, or what recovery does not adopt). */
  async destroyContainer(containerId: string): Promise<void> {
    for (const h of distinctHierarchies(this.hierarchies)) await destroyTree(this.dirIn(h, containerId));
  }
}

/**
 * Creates `relative` in the hierarchy; in v2 it also enables the controller for the children on the way
 * down (a v2 cgroup's children get a controller only when every ancestor hands it on).
 */
function prepare(hierarchy: Hierarchy, relative: string, controller: "memory" | "cpu" | undefined): void {
  const parts = relative.split("/");
  let dir = hierarchy.root;
  if (hierarchy.version === 2 && controller) enable(dir, controller);
  for (const part of parts) {
    dir = join(dir, part);
    mkdirSync(dir, { recursive: true });
    if (hierarchy.version === 2 && controller) enable(dir, controller);
  }
}

/** Proves the agent may create cgroups there (an existing directory proves nothing). */
function probe(dir: string): void {
  const test = join(dir, `probe-${process.pid}`);
  mkdirSync(test);
  rmdirSync(test);
}

function enable(dir: string, controller: string): void {
  writeFileSync(join(dir, "cgroup.subtree_control"), `+${controller}`);
}
