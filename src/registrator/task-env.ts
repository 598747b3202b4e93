import { readFileSync } from "node:fs";

/**
 * A running task's environment, read from `/proc/<pid>/environ` of its process when it runs on this
 * machine (as registrator reads a container's environment from Docker). Empty when it cannot be read:
 * another machine, another user, an ended process, or no /proc.
 */
export function processEnvironment(pid: number | undefined): Record<string, string> {
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0) return {};
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/environ`, "utf8");
  } catch {
    return {};
  }
  const env: Record<string, string> = {};
  for (const entry of raw.split("\0")) {
    const eq = entry.indexOf("=");
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}
