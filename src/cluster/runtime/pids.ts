import { readdirSync, readFileSync } from "node:fs";

/** True while the process exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** A process's environment from /proc, or undefined when it cannot be read (gone, or not ours). */
export function environmentOf(pid: number): Record<string, string> | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/environ`, "utf8");
    const env: Record<string, string> = {};
    for (const entry of raw.split("\0")) {
      const eq = entry.indexOf("=");
      if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    return env;
  } catch {
    return undefined;
  }
}

/** Every live process whose environment has `name=value`: the cluster's roles and the tasks they started. */
export function processesWithEnv(name: string, value: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    if (environmentOf(pid)?.[name] === value) pids.push(pid);
  }
  return pids;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** SIGTERM, then SIGKILL for whatever is still alive after `graceMs`; resolves once all are gone. */
export async function terminate(pids: readonly number[], graceMs: number): Promise<void> {
  for (const pid of pids) signal(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  let alive = pids.filter(isAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    alive = alive.filter(isAlive);
  }
  for (const pid of alive) signal(pid, "SIGKILL");
  const killDeadline = Date.now() + 2000;
  while (alive.length > 0 && Date.now() < killDeadline) {
    await new Promise((r) => setTimeout(r, 10));
    alive = alive.filter(isAlive);
  }
}
