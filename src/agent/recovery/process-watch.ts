import { readFileSync } from "node:fs";
import { parseProcStat } from "../containerizer/proc-stats.js";

/** The start time of a live process (not a zombie), or undefined when it is gone. */
export function processStartTicks(pid: number): number | undefined {
  try {
    const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
    return stat && stat.state !== "Z" ? stat.startTicks : undefined;
  } catch {
    return undefined;
  }
}

/** True while the process that had this pid and start time still runs. */
export function isSameProcessAlive(pid: number, startTicks: number | undefined): boolean {
  const now = processStartTicks(pid);
  return now !== undefined && (startTicks === undefined || now === startTicks);
}

/**
 * Polls /proc until the process ends: a process the agent did not spawn cannot be waited for, so
 * its exit status is not known either. Returns a function that stops watching.
 */
export function watchProcessExit(
  pid: number,
  startTicks: number | undefined,
  intervalMs: number,
  onExit: () => void,
): () => void {
  const timer = setInterval(() => {
    if (isSameProcessAlive(pid, startTicks)) return;
    clearInterval(timer);
    onExit();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Signals a whole process group; false when it is already gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
