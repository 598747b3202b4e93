import { spawn } from "node:child_process";
import { openSync, closeSync } from "node:fs";
import { CLI_PATH } from "../../common/package-root.js";
import { CLUSTER_ID_ENV } from "../cluster-id.js";
import { STATE_DIR_ENV, stateDirOfLog } from "../process-marks.js";
import { isAlive, listensOn, terminate } from "./pids.js";
import type { LaunchedRole, RoleLaunch, Runtime } from "./runtime.js";

export const flagsToArgs = (flags: Record<string, string>): string[] =>
  Object.entries(flags).map(([name, value]) => `--${name}=${value}`);

/** Handle on a role process that may have been started by an earlier CLI invocation. */
export function processRoleHandle(
  launch: Pick<RoleLaunch, "name" | "role" | "url" | "logPath">,
  pid: number,
): LaunchedRole {
  return {
    name: launch.name,
    role: launch.role,
    url: launch.url,
    pid,
    logPath: launch.logPath,
    exited: () => !isAlive(pid),
    servesItsUrl: () => listensOn(pid, Number(new URL(launch.url).port)),
    stop: () => terminate([pid], 5000),
    kill: () => terminate([pid], 0),
  };
}

/**
 * Each role a detached OS process running `minimesos run <role>`, logging to its own file, living on
 * after the CLI exits. Every role process carries the cluster id in its environment, and so do the
 * tasks it starts, which is how `destroy` finds everything the cluster owns.
 */
export class ProcessRuntime implements Runtime {
  readonly kind = "process";

  async launch(launch: RoleLaunch, clusterId: string): Promise<LaunchedRole> {
    const log = openSync(launch.logPath, "a");
    try {
      const child = spawn(process.execPath, [CLI_PATH, "run", launch.role, ...flagsToArgs(launch.flags)], {
        detached: true,
        stdio: ["ignore", log, log],
        env: { ...process.env, [CLUSTER_ID_ENV]: clusterId, [STATE_DIR_ENV]: stateDirOfLog(launch.logPath) },
      });
      await new Promise<void>((resolve, reject) => {
        child.once("spawn", resolve);
        child.once("error", reject);
      });
      child.unref();
      const pid = child.pid;
      if (pid === undefined || !isAlive(pid))
        throw new Error(`${launch.name} exited at once; see ${launch.logPath}`);
      return processRoleHandle(launch, pid);
    } finally {
      closeSync(log);
    }
  }
}
