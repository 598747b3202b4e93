import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { allocatePort } from "../../src/common/ports.js";

const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/** One role running as its own OS process through `minimesos run <role>`, as users run it. */
export interface RoleProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr so far (its log). */
  log(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`role exited with ${child.exitCode} before it was ready:\n${log()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`role at ${url} not healthy after ${timeoutMs} ms:\n${log()}`);
}

export async function startRoleProcess(
  role: string,
  flags: Record<string, string | number | boolean>,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RoleProcess> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const port = typeof flags.port === "number" ? flags.port : await allocatePort();
  const args = Object.entries({ ...flags, port }).map(([k, v]) => `--${k}=${String(v)}`);
  const child = spawn(process.execPath, [CLI, "run", role, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, MINIMESOS_LOG_LEVEL: process.env.MINIMESOS_LOG_LEVEL ?? "info", ...options.env },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = once(child, "exit");
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(sig);
    await exited;
  };
  const handle: RoleProcess = {
    url,
    port,
    child,
    log: () => stderr,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
  };
  try {
    await waitForHealth(url, child, handle.log, timeoutMs);
  } catch (error) {
    await handle.kill();
    throw error;
  }
  return handle;
}
