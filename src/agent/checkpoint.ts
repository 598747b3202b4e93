import { mkdirSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * As in Mesos, `<work_dir>/meta/slaves/latest` is a symlink to `<work_dir>/meta/slaves/<agentId>`: it records
 * the id the master gave, so a restarted agent re-registers with it.
 */
const slavesDir = (workDir: string): string => join(workDir, "meta", "slaves");

export function readCheckpointedAgentId(workDir: string): string | undefined {
  try {
    const target = basename(readlinkSync(join(slavesDir(workDir), "latest")));
    return target === "" ? undefined : target;
  } catch {
    return undefined;
  }
}

export function checkpointAgentId(workDir: string, agentId: string): void {
  const dir = slavesDir(workDir);
  mkdirSync(join(dir, agentId), { recursive: true });
  rmSync(join(dir, "latest"), { force: true });
  symlinkSync(agentId, join(dir, "latest"));
}

export function forgetCheckpointedAgentId(workDir: string): void {
  rmSync(join(slavesDir(workDir), "latest"), { force: true });
}
