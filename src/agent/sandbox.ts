import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";

const madeDirs = new Set<string>();

/** mkdir -p that remembers what it made: a recursive mkdirSync costs milliseconds on some filesystems. */
function ensureDir(dir: string): void {
  if (madeDirs.has(dir)) return;
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      ensureDir(dirname(dir));
      mkdirSync(dir);
    } else if (code !== "EEXIST") throw error;
  }
  madeDirs.add(dir);
}

/** Mesos's sandbox layout under `<work_dir>/slaves/<agentId>`. */
export const executorDir = (
  workDir: string,
  agentId: string,
  frameworkId: string,
  executorId: string,
): string => join(workDir, "slaves", agentId, "frameworks", frameworkId, "executors", executorId);

export const runDir = (
  workDir: string,
  agentId: string,
  frameworkId: string,
  executorId: string,
  containerId: string,
): string => join(executorDir(workDir, agentId, frameworkId, executorId), "runs", containerId);

/** The virtual path the files API serves for the latest run of an executor. */
export const virtualLatestRun = (frameworkId: string, executorId: string): string =>
  `/frameworks/${frameworkId}/executors/${executorId}/runs/latest`;

/** Creates a run's sandbox and points `runs/latest` at it; returns the sandbox path. */
export function createRunSandbox(
  workDir: string,
  agentId: string,
  frameworkId: string,
  executorId: string,
  containerId: string,
): string {
  const dir = runDir(workDir, agentId, frameworkId, executorId, containerId);
  ensureDir(dir);
  const latest = join(dir, "..", "latest");
  rmSync(latest, { force: true });
  symlinkSync(containerId, latest);
  return dir;
}

/** A nested container's sandbox inside its executor's (as the default executor lays out task groups). */
export function createTaskSandbox(executorSandbox: string, taskId: string): string {
  const dir = join(executorSandbox, "tasks", taskId);
  ensureDir(dir);
  return dir;
}
