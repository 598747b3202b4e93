import { existsSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One mounted cgroup hierarchy: v2 (unified) or a v1 one (memory, cpu, freezer, ...). */
export interface Hierarchy {
  /** Mount point, e.g. /sys/fs/cgroup/unified or /sys/fs/cgroup/memory. */
  root: string;
  version: 1 | 2;
}

/** The pids in one cgroup (not its children); empty when it is gone. */
export function procsOf(dir: string): number[] {
  try {
    return readFileSync(join(dir, "cgroup.procs"), "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The child cgroups of `dir` (directories), by name. */
export function childCgroups(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** Every pid in `dir` and its descendants. */
export function procsInTree(dir: string): number[] {
  return [...procsOf(dir), ...childCgroups(dir).flatMap((child) => procsInTree(join(dir, child)))];
}

/** Moves a process (and its future children) into the cgroup. */
export function addProcess(dir: string, pid: number): void {
  writeFileSync(join(dir, "cgroup.procs"), String(pid));
}

function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids)
    try {
      process.kill(pid, signal);
    } catch {
      // gone already
    }
}

/** Sends `signal` to every process in the cgroup tree (SIGTERM for a graceful kill). */
export function signalTree(dir: string, signal: NodeJS.Signals): void {
  signalAll(procsInTree(dir), signal);
}

/**
 * SIGKILLs every process in the cgroup tree, whatever it did to its session, process group or
 * environment: `cgroup.kill` where the kernel has it (v2, Linux 5.14+), else rounds of SIGKILL over
 * `cgroup.procs` until nothing is left (a process forking meanwhile is caught in the next round).
 * Resolves once the tree is empty or `timeoutMs` passed; true when empty.
 */
export async function killTree(dir: string, timeoutMs = 3000): Promise<boolean> {
  if (!existsSync(dir)) return true;
  const killFile = join(dir, "cgroup.kill");
  let useKillFile = existsSync(killFile);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = procsInTree(dir);
    if (pids.length === 0) return true;
    if (Date.now() > deadline) return false;
    if (useKillFile)
      try {
        writeFileSync(killFile, "1");
      } catch {
        useKillFile = false;
      }
    if (!useKillFile) signalAll(pids, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Removes the cgroup and its descendants (deepest first); only empty cgroups can go. True when gone. */
export function removeTree(dir: string): boolean {
  for (const child of childCgroups(dir)) removeTree(join(dir, child));
  try {
    rmdirSync(dir);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

/** Kills everything in the tree, then removes it, retrying briefly while the kernel lets go of it. */
export async function destroyTree(dir: string, timeoutMs = 3000): Promise<boolean> {
  const empty = await killTree(dir, timeoutMs);
  for (let attempt = 0; attempt < 50; attempt++) {
    if (removeTree(dir)) return empty;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** Reads a cgroup file; undefined when it is missing. */
export function readCgroupFile(dir: string, file: string): string | undefined {
  try {
    return readFileSync(join(dir, file), "utf8");
  } catch {
    return undefined;
  }
}

/** The value of `key` in a flat keyed file such as memory.events or memory.oom_control. */
export function keyedValue(text: string | undefined, key: string): number | undefined {
  const match = text && new RegExp(`^${key} (\\d+)$`, "m").exec(text);
  return match ? Number(match[1]) : undefined;
}
