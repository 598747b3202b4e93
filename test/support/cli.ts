import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd`, as a user would, and collects its output. Killed after `timeoutMs`. */
export function runCli(
  args: readonly string[],
  cwd: string,
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return runCommand(process.execPath, [CLI, ...args], cwd, options);
}

/** Runs any command (a shell pipeline through `sh -c`) and collects its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  cwd: string,
  { timeoutMs = 60_000, env = {} }: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh directory to run the CLI in; `cleanup()` destroys any cluster started there and removes it. */
export interface CliWorkDir {
  path: string;
  cleanup(): Promise<void>;
}

export function cliWorkDir(): CliWorkDir {
  const path = mkdtempSync(join(tmpdir(), "minimesos-cli-"));
  return {
    path,
    async cleanup() {
      if (existsSync(join(path, ".minimesos"))) await runCli(["destroy"], path, { timeoutMs: 30_000 });
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/**
 * The variables the export lines set, read back through a real shell with the unquoted `eval $(...)` form
 * users type (the lines are joined by spaces there, which is why each ends in `;`).
 */
export async function evalExports(exportLines: string, cwd: string): Promise<Record<string, string>> {
  const script = 'eval $EXPORTS; env | grep "^MINIMESOS_" || true';
  const result = await runCommand("env", ["-i", `EXPORTS=${exportLines}`, "/bin/sh", "-c", script], cwd, {
    timeoutMs: 5000,
  });
  if (result.code !== 0) throw new Error(`eval failed: ${result.stderr}`);
  return Object.fromEntries(
    result.stdout
      .trim()
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

/** Live processes whose command line mentions `text` (a cluster's temp dir appears in every role's flags). */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(text)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}
