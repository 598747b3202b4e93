import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, cliWorkDir, processesMentioning, runCli, type CliWorkDir } from "./support/cli.js";

let dir: CliWorkDir | undefined;

afterEach(async () => {
  await dir?.cleanup();
  dir = undefined;
}, 30_000);

function workDir(files: Record<string, string> = {}): string {
  dir = cliWorkDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir.path, name), text);
  return dir.path;
}

function expectNothingLeft(path: string): void {
  expect(existsSync(join(path, ".minimesos"))).toBe(false);
  expect(processesMentioning(path)).toEqual([]);
}

describe("minimesos up, when it cannot start the cluster", { timeout: 60_000 }, () => {
  it("reports a broken minimesosFile with its line number and exits 2", async () => {
    const path = workDir({ minimesosFile: "minimesos {\n    agent {\n        portNumber =\n    }\n}\n" });
    const up = await runCli(["up"], path);
    expect(up.code).toBe(2);
    expect(up.stderr).toMatch(
      /Failed to load cluster configuration from .*minimesosFile: minimesosFile:4:\d+: /,
    );
    expect(up.stdout).toBe("");
    expectNothingLeft(path);
  });

  it("exits 2 when --clusterConfig names a missing file", async () => {
    const path = workDir();
    const up = await runCli(["up", "--clusterConfig", "missing.json"], path);
    expect(up.code).toBe(2);
    expect(up.stderr).toContain("missing.json does not exist");
    expectNothingLeft(path);
  });

  it("stops at once when the master rejects a flag, shows its log tail and removes everything", async () => {
    const path = workDir({ "bad.json": JSON.stringify({ master: { flags: { no_such_master_flag: "1" } } }) });
    const started = Date.now();
    const up = await runCli(["up", "--clusterConfig", "bad.json", "--timeout", "30"], path);
    expect(up.code).toBe(1);
    expect(Date.now() - started, "up must not wait for the timeout").toBeLessThan(15_000);
    expect(up.stderr).toContain("master failed to start");
    expect(up.stderr).toContain("--- last lines of master log ---");
    expect(up.stderr).toContain("no_such_master_flag");
    expect(up.stdout).toBe("");
    expectNothingLeft(path);
  });

  it("stops the master it started when an agent cannot start", async () => {
    const path = workDir({
      "bad.json": JSON.stringify({ agents: [{ flags: { no_such_agent_flag: "1" } }] }),
    });
    const up = await runCli(["up", "--clusterConfig", "bad.json", "--timeout", "30"], path);
    expect(up.code).toBe(1);
    expect(up.stderr).toContain("agent-1 failed to start");
    expect(up.stderr).toContain("no_such_agent_flag");
    expectNothingLeft(path);
    expect((await runCli(["destroy"], path)).stderr).toContain("Minimesos cluster is not running");
  });

  it("removes what it started and exits 130 on Ctrl-C", async () => {
    // The agent looks for a master where there is none, so `up` waits for its registration until interrupted.
    const path = workDir({
      "stuck.json": JSON.stringify({ agents: [{ flags: { master: "127.0.0.1:1" } }] }),
    });
    const child = spawn(process.execPath, [CLI, "up", "--clusterConfig", "stuck.json", "--timeout", "40"], {
      cwd: path,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const waiting = new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("to register ...")) resolve();
      }),
    );
    const exited = once(child, "close");
    try {
      await Promise.race([waiting, exited]);
      expect(stderr).toContain("to register ...");
      expect(processesMentioning(path).length).toBeGreaterThanOrEqual(2);
      const interruptedAt = Date.now();
      child.kill("SIGINT");
      const [code] = (await exited) as [number | null];
      expect(code).toBe(130);
      expect(Date.now() - interruptedAt, "up must stop waiting at once").toBeLessThan(10_000);
      expect(stderr).toContain("Interrupted");
      expectNothingLeft(path);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
