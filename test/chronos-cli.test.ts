import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliWorkDir, evalExports, runCli, type CliResult } from "./support/cli.js";

// A cluster with Chronos from a minimesosFile: `up` waits for it, `info` exports MINIMESOS_CHRONOS,
// `install --job` / `--dependency` post jobs, `ps` lists their tasks, `uninstall --job` deletes one.
const dir = cliWorkDir();
const cli = (...args: string[]): Promise<CliResult> => runCli(args, dir.path);
let chronosUrl = "";

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const job = async (name: string) => {
  const res = await fetch(`${chronosUrl}/v1/scheduler/job/${name}`);
  return res.ok
    ? ((await res.json()) as { successCount: number; parents?: string[]; command: string })
    : undefined;
};

afterAll(() => dir.cleanup(), 60_000);

describe("Chronos through the CLI", { timeout: 90_000 }, () => {
  it("up starts Chronos and exports MINIMESOS_CHRONOS", async () => {
    writeFileSync(
      join(dir.path, "minimesosFile"),
      'minimesos {\n  agent { }\n  chronos {\n    imageTag = "3.0.2"\n  }\n}\n',
    );
    const up = await cli("up");
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toMatch(/Chronos/);
    const vars = await evalExports(up.stdout, dir.path);
    chronosUrl = vars.MINIMESOS_CHRONOS ?? "";
    expect(chronosUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(vars.MINIMESOS_CHRONOS_IP).toBe("127.0.0.1");
    const info = await cli("info");
    expect(info.stdout).toContain(`export MINIMESOS_CHRONOS=${chronosUrl};`);
  });

  it("install --job and --dependency post jobs, ps lists their tasks, uninstall --job deletes one", async () => {
    const out = join(dir.path, "out.txt");
    writeFileSync(
      join(dir.path, "job.json"),
      JSON.stringify({
        name: "nightly",
        command: `echo \${MINIMESOS_MASTER} >> ${out}; sleep 5`,
        schedule: "R1//PT1H",
      }),
    );
    writeFileSync(
      join(dir.path, "dep.json"),
      JSON.stringify({ name: "after", command: "true", parents: ["nightly"] }),
    );
    expect((await cli("install", "--job", "job.json")).code).toBe(0);
    expect((await cli("install", "--dependency", "dep.json")).code).toBe(0);
    expect((await job("after"))?.parents).toEqual(["nightly"]);
    await until("the job's output", async () => (existsSync(out) ? readFileSync(out, "utf8") : undefined));
    expect(readFileSync(out, "utf8")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\n$/);
    const ps = await until("the task in ps", async () => {
      const r = await cli("ps");
      return r.stdout.includes("ChronosTask:nightly") ? r.stdout : undefined;
    });
    expect(ps).toMatch(/chronos\s+ChronosTask:nightly\s+TASK_RUNNING/);
    const bad = await cli("install", "--dependency", "job.json");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Chronos did not accept the job");
    const removed = await cli("uninstall", "--job", "after");
    expect(removed).toMatchObject({ code: 0, stdout: "Deleted job 'after'\n" });
    expect(await job("after")).toBeUndefined();
  });

  it("destroy leaves nothing", async () => {
    expect((await cli("destroy")).code).toBe(0);
    expect(existsSync(join(dir.path, ".minimesos"))).toBe(false);
  });
});
