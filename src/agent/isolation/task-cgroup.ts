import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  addProcess,
  destroyTree,
  keyedValue,
  killTree,
  procsInTree,
  readCgroupFile,
  signalTree,
  type Hierarchy,
} from "./cgroup-fs.js";

/** One container's cgroup directories: where its processes are counted, and where its limits live. */
export interface TaskCgroupDirs {
  membership: { dir: string; hierarchy: Hierarchy };
  memory?: { dir: string; hierarchy: Hierarchy };
  cpu?: { dir: string; hierarchy: Hierarchy };
}

export interface TaskLimits {
  cpus?: number;
  memMb?: number;
  /** Also cap CPU time at `cpus` (Mesos's --cgroups_enable_cfs); shares/weight only otherwise. */
  cfsQuota?: boolean;
}

/** Mesos's floors: 32 MB of memory, 2 CPU shares, 1 ms of CFS quota per 100 ms period. */
const MIN_MEMORY_BYTES = 32 * 1024 * 1024;
const MIN_CPU_SHARES = 2;
const CFS_PERIOD_US = 100_000;
const MIN_CFS_QUOTA_US = 1000;

/** The CPU shares Mesos gives `cpus` (1024 per CPU), and the cgroup v2 weight that maps to. */
export function cpuShares(cpus: number): number {
  return Math.max(MIN_CPU_SHARES, Math.floor(1024 * cpus));
}
export function cpuWeight(shares: number): number {
  return Math.min(10_000, Math.max(1, 1 + Math.floor(((shares - 2) * 9999) / 262_142)));
}
export function memoryLimitBytes(memMb: number): number {
  return Math.max(MIN_MEMORY_BYTES, Math.floor(memMb * 1024 * 1024));
}

/** Bytes as stout prints them: the largest unit (B, KB, MB, GB, TB) that divides the value exactly. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (unit < units.length - 1 && value !== 0 && value % 1024 === 0) {
    value /= 1024;
    unit++;
  }
  return `${value}${units[unit]}`;
}

/** A container's cgroups: processes go in before the command runs, limits are set, and it dies as a whole. */
export class TaskCgroup {
  constructor(readonly dirs: TaskCgroupDirs) {}

  private distinctDirs(): string[] {
    const all = [this.dirs.membership.dir, this.dirs.memory?.dir, this.dirs.cpu?.dir];
    return [...new Set(all.filter((d): d is string => d !== undefined))];
  }

  /** Puts `pid` into every hierarchy's cgroup; its children follow it there. */
  add(pid: number): void {
    for (const dir of this.distinctDirs()) addProcess(dir, pid);
  }

  /** Writes the memory limit and CPU weight/quota; an unset resource leaves the controller's default. */
  applyLimits(limits: TaskLimits): void {
    const { memory, cpu } = this.dirs;
    if (memory && limits.memMb !== undefined) {
      const bytes = String(memoryLimitBytes(limits.memMb));
      writeFileSync(
        join(memory.dir, memory.hierarchy.version === 2 ? "memory.max" : "memory.limit_in_bytes"),
        bytes,
      );
    }
    if (cpu && limits.cpus !== undefined) {
      const shares = cpuShares(limits.cpus);
      const quota = Math.max(MIN_CFS_QUOTA_US, Math.floor(limits.cpus * CFS_PERIOD_US));
      if (cpu.hierarchy.version === 2) {
        writeFileSync(join(cpu.dir, "cpu.weight"), String(cpuWeight(shares)));
        if (limits.cfsQuota) writeFileSync(join(cpu.dir, "cpu.max"), `${quota} ${CFS_PERIOD_US}`);
      } else {
        writeFileSync(join(cpu.dir, "cpu.shares"), String(shares));
        if (limits.cfsQuota) {
          writeFileSync(join(cpu.dir, "cpu.cfs_period_us"), String(CFS_PERIOD_US));
          writeFileSync(join(cpu.dir, "cpu.cfs_quota_us"), String(quota));
        }
      }
    }
  }

  /** How many processes the kernel's OOM killer ended in this cgroup (0 without a memory cgroup). */
  oomKills(): number {
    const memory = this.dirs.memory;
    if (!memory) return 0;
    const text =
      memory.hierarchy.version === 2
        ? readCgroupFile(memory.dir, "memory.events")
        : readCgroupFile(memory.dir, "memory.oom_control");
    return keyedValue(text, "oom_kill") ?? 0;
  }

  /** Mesos's text for a container its memory limit ended: limit, peak use and memory.stat. */
  memoryLimitationMessage(): string {
    const memory = this.dirs.memory;
    if (!memory) return "Memory limit exceeded";
    const v2 = memory.hierarchy.version === 2;
    const number = (file: string) => {
      const text = readCgroupFile(memory.dir, file)?.trim();
      return text && /^\d+$/.test(text) ? Number(text) : undefined;
    };
    const limit = number(v2 ? "memory.max" : "memory.limit_in_bytes");
    const used = number(v2 ? "memory.peak" : "memory.max_usage_in_bytes");
    let message = "Memory limit exceeded: ";
    if (limit !== undefined) message += `Requested: ${formatBytes(limit)} `;
    if (used !== undefined) message += `Maximum Used: ${formatBytes(used)}\n`;
    const stat = readCgroupFile(memory.dir, "memory.stat");
    if (stat !== undefined) message += `\nMEMORY STATISTICS: \n${stat}\n`;
    return message;
  }

  /** Every process of the container. */
  processes(): number[] {
    return procsInTree(this.dirs.membership.dir);
  }

  signal(signal: NodeJS.Signals): void {
    signalTree(this.dirs.membership.dir, signal);
  }

  /** SIGKILLs every process of the container (the cgroups stay). */
  async killAll(): Promise<void> {
    await killTree(this.dirs.membership.dir);
  }

  /** Kills every process of the container and removes its cgroups. */
  async destroy(): Promise<void> {
    for (const dir of this.distinctDirs()) await destroyTree(dir);
  }
}
