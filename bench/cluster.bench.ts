import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI_PATH as CLI } from "../src/common/package-root.js";
import { CLUSTER_ID_ENV } from "../src/cluster/cluster-id.js";
import { destroyCluster } from "../src/cluster/destroy-cluster.js";
import { silentProgress } from "../src/cluster/progress.js";
import { stopRoles } from "../src/cluster/running-cluster.js";
import { InprocRuntime } from "../src/cluster/runtime/inproc-runtime.js";
import { processesWithEnv } from "../src/cluster/runtime/pids.js";
import { ProcessRuntime } from "../src/cluster/runtime/process-runtime.js";
import type { Runtime } from "../src/cluster/runtime/runtime.js";
import { startCluster } from "../src/cluster/start-cluster.js";
import { devPreset } from "../src/cluster/spec/index.js";
import { StateDir } from "../src/cluster/state-dir.js";
import { summarize, type BenchResult } from "./stats.js";

const AGENTS = 3;
const CLI_RUNS = Number(process.env.BENCH_CLUSTER_RUNS ?? 10);
const INPROC_RUNS = 20;

/** Runs the CLI as a user would and resolves with its wall-clock time; rejects unless it exits 0. */
function timeCli(args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`minimesos ${args.join(" ")} exited ${code}: ${stderr}`)),
    );
  });
}

const inTempDir = async <T>(run: (dir: string) => Promise<T>): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), "minimesos-bench-"));
  try {
    return await run(dir);
  } finally {
    await destroyCluster(new StateDir(dir));
    rmSync(dir, { recursive: true, force: true });
  }
};

/** `minimesos up --num-agents 3` until it has printed the ready cluster, then `destroy` until it exits. */
async function cliUpDestroy(): Promise<{ up: number[]; destroy: number[] }> {
  const up: number[] = [];
  const destroy: number[] = [];
  for (let i = 0; i <= CLI_RUNS; i++) {
    await inTempDir(async (dir) => {
      const upMs = await timeCli(["up", "--num-agents", String(AGENTS)], dir);
      const clusterId = new StateDir(dir).readClusterId() ?? "";
      const destroyMs = await timeCli(["destroy"], dir);
      const left = processesWithEnv(CLUSTER_ID_ENV, clusterId);
      if (left.length > 0) throw new Error(`destroy left processes behind: ${left.join(", ")}`);
      // The first run warms the file cache; it is not counted.
      if (i === 0) return;
      up.push(upMs);
      destroy.push(destroyMs);
    });
  }
  return { up, destroy };
}

/** startCluster → ready and stopRoles → gone, called as a library (no CLI process of its own). */
async function libraryStartStop(
  runtime: Runtime,
  runs: number,
): Promise<{ start: number[]; stop: number[] }> {
  const start: number[] = [];
  const stop: number[] = [];
  for (let i = 0; i <= runs; i++) {
    await inTempDir(async (dir) => {
      const spec = devPreset({
        master: { port: 0 },
        agents: Array.from({ length: AGENTS }, () => ({ port: 0 })),
      });
      const started = performance.now();
      const cluster = await startCluster(spec, {
        runtime,
        state: new StateDir(dir),
        progress: silentProgress,
        timeoutMs: 30_000,
      });
      const ready = performance.now();
      await stopRoles(cluster.clusterId, cluster.roles, runtime.kind === "process");
      if (i === 0) return;
      start.push(ready - started);
      stop.push(performance.now() - ready);
    });
  }
  return { start, stop };
}

export async function clusterBenchmarks(): Promise<BenchResult[]> {
  const cli = await cliUpDestroy();
  const library = await libraryStartStop(new ProcessRuntime(), CLI_RUNS);
  const inproc = await libraryStartStop(new InprocRuntime(), INPROC_RUNS);
  const both = inproc.start.map((ms, i) => ms + (inproc.stop[i] as number));
  const name = `master + ${AGENTS} agents`;
  return [
    {
      name: `minimesos up -> ready (${name}, CLI)`,
      unit: "ms",
      summary: summarize(cli.up),
      target: { p50: 1000 },
    },
    {
      name: `minimesos destroy -> gone (CLI)`,
      unit: "ms",
      summary: summarize(cli.destroy),
      target: { p50: 500 },
    },
    { name: `startCluster process -> ready (${name})`, unit: "ms", summary: summarize(library.start) },
    { name: `stopRoles process -> gone`, unit: "ms", summary: summarize(library.stop) },
    { name: `in-process start + stop (${name})`, unit: "ms", summary: summarize(both), target: { p50: 200 } },
    { name: `in-process start -> ready`, unit: "ms", summary: summarize(inproc.start) },
  ];
}
