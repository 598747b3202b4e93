import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clusterCgroupDirs, clusterCgroupProcesses } from "../src/agent/isolation/cluster-cgroups.js";
import { CLUSTER_ID_ENV } from "../src/cluster/cluster-id.js";
import { pruneClusterProcesses } from "../src/cluster/prune-processes.js";
import { isAlive, processesWithEnv } from "../src/cluster/runtime/pids.js";
import { cliWorkDir, runCli, type CliWorkDir } from "./support/cli.js";
import { TaskLauncher } from "./support/task-launcher.js";

// Tasks that escape what `destroy` used to find them by (their environment and process group) are
// still found through their cgroups, also when the cluster's .minimesos/ was deleted.
const base = 36_000 + Math.floor(Math.random() * 900) * 10;
const dirs: CliWorkDir[] = [];
const launchers: TaskLauncher[] = [];

afterAll(async () => {
  for (const launcher of launchers) await launcher.close().catch(() => undefined);
  for (const dir of dirs) await dir.cleanup();
}, 60_000);

/** Pids whose command line is exactly `sleep <seconds>`. */
function sleepers(seconds: number[]): number[] {
  const wanted = new Set(seconds.map((s) => `sleep\0${s}\0`));
  return readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return wanted.has(readFileSync(`/proc/${e}/cmdline`, "utf8"));
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until<T>(what: string, check: () => T | undefined | false, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `up` in a fresh directory and the three escaping tasks; resolves to the cluster id and every pid. */
async function clusterWithEscapees(
  offset: number,
): Promise<{ dir: CliWorkDir; clusterId: string; pids: number[] }> {
  const dir = cliWorkDir();
  dirs.push(dir);
  const up = await runCli(["up", "--num-agents", "1"], dir.path, { timeoutMs: 60_000 });
  expect(up.code, up.stderr).toBe(0);
  const clusterId = readFileSync(join(dir.path, ".minimesos", "minimesos.cluster"), "utf8").trim();
  const master = /export MINIMESOS_MASTER=(\S+);/.exec(up.stdout)?.[1] as string;
  const s = (n: number) => base + offset + n;
  const launcher = await TaskLauncher.start(master, "escapees", [
    { id: "envless", name: "envless", command: `exec env -i sleep ${s(1)}` },
    { id: "setsid", name: "setsid", command: `setsid sh -c 'exec sleep ${s(2)}' & exec sleep ${s(3)}` },
    { id: "double-fork", name: "double-fork", command: `(sleep ${s(4)} &); exec sleep ${s(5)}` },
  ]);
  launchers.push(launcher);
  for (const id of ["envless", "setsid", "double-fork"]) await launcher.waitForState(id, "TASK_RUNNING");
  const pids = await until("all five sleeps", () => {
    const found = sleepers([1, 2, 3, 4, 5].map(s));
    return found.length === 5 && found;
  });
  // The environment mark alone misses the task that cleared it.
  const byEnv = processesWithEnv(CLUSTER_ID_ENV, clusterId);
  expect(pids.filter((p) => !byEnv.includes(p)).length).toBeGreaterThan(0);
  expect(clusterCgroupProcesses(clusterId)).toEqual(expect.arrayContaining(pids));
  return { dir, clusterId, pids };
}

describe("containment of a CLI cluster's tasks", { timeout: 120_000 }, () => {
  it("destroy ends tasks that cleared their environment, left their session or double-forked", async () => {
    const { dir, clusterId, pids } = await clusterWithEscapees(0);
    const destroy = await runCli(["destroy"], dir.path, { timeoutMs: 30_000 });
    expect(destroy.code, destroy.stderr).toBe(0);
    await until("every escapee gone", () => pids.every((p) => !isAlive(p)), 5000);
    expect(clusterCgroupDirs(clusterId)).toEqual([]);
  });

  it("destroy without .minimesos/ finds the roles and tasks by their marks and cgroups", async () => {
    const { dir, clusterId, pids } = await clusterWithEscapees(5);
    const roles = processesWithEnv(CLUSTER_ID_ENV, clusterId);
    rmSync(join(dir.path, ".minimesos"), { recursive: true, force: true });
    const destroy = await runCli(["destroy"], dir.path, { timeoutMs: 30_000 });
    expect(destroy.code, destroy.stderr).toBe(0);
    await until("every role and task gone", () => [...roles, ...pids].every((p) => !isAlive(p)), 5000);
    expect(clusterCgroupDirs(clusterId)).toEqual([]);
  });

  it('runs a Marathon app with "user":"nobody" as nobody', async () => {
    const dir = cliWorkDir();
    dirs.push(dir);
    writeFileSync(join(dir.path, "minimesosFile"), "minimesos {\n  agent { }\n  marathon { }\n}\n");
    const up = await runCli(["up"], dir.path, { timeoutMs: 60_000 });
    expect(up.code, up.stderr).toBe(0);
    const marathon = /export MINIMESOS_MARATHON=(\S+);/.exec(up.stdout)?.[1] as string;
    const seconds = base + 9;
    const created = await fetch(`${marathon}/v2/apps`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: "/as-nobody",
        cmd: `exec sleep ${seconds}`,
        user: "nobody",
        cpus: 0.1,
        mem: 32,
      }),
    });
    expect(created.status).toBe(201);
    const [pid] = await until("the app's process", () => {
      const found = sleepers([seconds]);
      return found.length === 1 && found;
    });
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    expect(/^Uid:\s+(\d+)/m.exec(status)?.[1]).toBe("65534");
    expect(/^Gid:\s+(\d+)/m.exec(status)?.[1]).toBe("65534");
  });

  it("prune ends a cluster whose .minimesos/ was deleted, and leaves running clusters alone", async () => {
    const kept = await clusterWithEscapees(10);
    const gone = await clusterWithEscapees(15);
    const roles = processesWithEnv(CLUSTER_ID_ENV, gone.clusterId);
    rmSync(join(gone.dir.path, ".minimesos"), { recursive: true, force: true });
    const result = await pruneClusterProcesses({ all: false });
    expect(result.clusters).toContain(gone.clusterId);
    expect(result.clusters).not.toContain(kept.clusterId);
    await until("the pruned cluster gone", () => [...roles, ...gone.pids].every((p) => !isAlive(p)), 5000);
    expect(kept.pids.every(isAlive)).toBe(true);
  });
});
