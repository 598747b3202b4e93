import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI_PATH } from "../../common/package-root.js";
import { ALL_IN_ONE_PID_DIR, allInOneRoles, type AllInOneRole } from "./all-in-one-roles.js";

const RESTART_DELAY_MS = 1000;

/**
 * The all-in-one container's entry (`minimesos run all-in-one`): master, agent and Marathon as child
 * processes, each started again whenever it exits (so `minimesos-restart <role>` is a restart), until the
 * container is stopped (SIGTERM/SIGINT), which stops them all.
 */
export function runAllInOne(pidDir: string = ALL_IN_ONE_PID_DIR): Promise<void> {
  mkdirSync(pidDir, { recursive: true });
  const children = new Map<string, ChildProcess>();
  let stopping = false;
  const start = (role: AllInOneRole) => {
    const child = spawn(process.execPath, [CLI_PATH, "run", role.name, ...role.args], { stdio: "inherit" });
    children.set(role.name, child);
    if (child.pid !== undefined) writeFileSync(join(pidDir, `${role.name}.pid`), String(child.pid));
    child.once("exit", (code, signal) => {
      children.delete(role.name);
      if (stopping) return;
      process.stderr.write(`all-in-one: ${role.name} exited (${signal ?? code}); starting it again\n`);
      setTimeout(() => start(role), RESTART_DELAY_MS);
    });
  };
  for (const role of allInOneRoles()) start(role);
  return new Promise((resolve) => {
    const stop = () => {
      if (stopping) return;
      stopping = true;
      for (const child of children.values()) child.kill("SIGTERM");
      const check = setInterval(() => {
        if (children.size > 0) return;
        clearInterval(check);
        rmSync(pidDir, { recursive: true, force: true });
        resolve();
      }, 50);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}
