import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Socket } from "node:net";
import type { Logger } from "../../common/logger.js";
import { processStartTicks } from "../recovery/process-watch.js";

/**
 * Kills what the agent left when it is gone for good. The watchdog is a small shell process reading a
 * pipe the agent holds: when the agent dies the pipe closes, the watchdog waits `--recovery_timeout`
 * and then kills every process in the agent's cgroup (and every process group listed in the groups
 * file). A restarted agent with the same work dir kills the previous watchdog before it recovers, which
 * is Mesos's rule that executors wait `--recovery_timeout` for their agent to come back, then exit.
 */
const SCRIPT = [
  'read -r _ || true; sleep "$1"',
  'if [ -n "$2" ] && [ -d "$2" ]; then i=0; while [ $i -lt 100 ]; do',
  '  pids=$(find "$2" -name cgroup.procs -exec cat {} + 2>/dev/null)',
  '  [ -z "$pids" ] && break; kill -9 $pids 2>/dev/null; i=$((i+1)); sleep 0.05; done',
  '  find "$2" -mindepth 1 -depth -type d -exec rmdir {} + 2>/dev/null; fi',
  'if [ -n "$3" ] && [ -f "$3" ]; then while read -r g; do kill -9 -- "-$g" 2>/dev/null; done < "$3"; rm -f "$3"; fi',
  'rm -f "$4"',
].join("\n");

export const WATCHDOG_PID_FILE = "recovery-watchdog.pid";

export interface RecoveryWatchdog {
  /** Ends the watchdog (the agent stopped normally, or is about to be replaced in-process). */
  stop(): void;
}

export interface WatchdogOptions {
  workDir: string;
  timeoutMs: number;
  /** The agent's cgroup in the hierarchy that holds every task process. */
  cgroupDir?: string;
  /** A file of process group ids, one a line (used without cgroups). */
  groupsFile?: string;
  logger: Logger;
}

/** Kills the watchdog a previous run of the agent with this work dir left (it is no longer needed). */
export function stopPreviousWatchdog(workDir: string): void {
  const file = join(workDir, WATCHDOG_PID_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return;
  }
  const [pid, ticks] = text.trim().split(" ").map(Number);
  if (pid && ticks !== undefined && processStartTicks(pid) === ticks)
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  rmSync(file, { force: true });
}

export function startRecoveryWatchdog(options: WatchdogOptions): RecoveryWatchdog {
  const pidFile = join(options.workDir, WATCHDOG_PID_FILE);
  const seconds = (Math.max(0, options.timeoutMs) / 1000).toFixed(3);
  const child = spawn(
    "/bin/sh",
    [
      "-c",
      SCRIPT,
      "minimesos-recovery-watchdog",
      seconds,
      options.cgroupDir ?? "",
      options.groupsFile ?? "",
      pidFile,
    ],
    { detached: true, stdio: ["pipe", "ignore", "ignore"] },
  );
  child.on("error", (error) =>
    options.logger.warn({ error: error.message }, "recovery watchdog did not start"),
  );
  child.stdin?.on("error", () => undefined);
  (child.stdin as unknown as Socket | null)?.unref?.();
  child.unref();
  const pid = child.pid;
  if (pid !== undefined) {
    const ticks = processStartTicks(pid);
    if (ticks !== undefined) writeFileSync(pidFile, `${pid} ${ticks}`);
  }
  return {
    stop: () => {
      if (pid === undefined) return;
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
      rmSync(pidFile, { force: true });
    },
  };
}
