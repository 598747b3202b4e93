import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { destroyCluster } from "../src/cluster/destroy-cluster.js";
import { engineAnswers } from "../src/cluster/docker/engine.js";
import { ensureRoleImage } from "../src/cluster/docker/image.js";
import { silentProgress } from "../src/cluster/progress.js";
import { DockerRuntime } from "../src/cluster/runtime/docker-runtime.js";
import { startCluster } from "../src/cluster/start-cluster.js";
import { devPreset } from "../src/cluster/spec/index.js";
import { StateDir } from "../src/cluster/state-dir.js";
import { summarize, type BenchResult } from "./stats.js";

const AGENTS = 2;
const RUNS = Number(process.env.BENCH_DOCKER_RUNS ?? 5);

/** startCluster with the Docker runtime → ready (image already built), then destroy → nothing left. */
async function upDestroy(): Promise<{ up: number[]; destroy: number[] }> {
  const up: number[] = [];
  const destroy: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), "minimesos-bench-docker-"));
    const state = new StateDir(dir);
    try {
      const started = performance.now();
      await startCluster(
        devPreset({ master: { port: 0 }, agents: Array.from({ length: AGENTS }, () => ({ port: 0 })) }),
        {
          runtime: new DockerRuntime({ labels: { "minimesos.bench": "docker" } }),
          state,
          progress: silentProgress,
          timeoutMs: 60_000,
        },
      );
      const ready = performance.now();
      await destroyCluster(state);
      up.push(ready - started);
      destroy.push(performance.now() - ready);
    } finally {
      await destroyCluster(state);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { up, destroy };
}

/** The Docker runtime's figures; none (with a note on stderr) when no engine answers. */
export async function dockerBenchmarks(): Promise<BenchResult[]> {
  if (!(await engineAnswers())) {
    process.stderr.write("docker benchmarks skipped: no Docker engine answers\n");
    return [];
  }
  const imageStarted = performance.now();
  await ensureRoleImage(silentProgress);
  const imageMs = performance.now() - imageStarted;
  const { up, destroy } = await upDestroy();
  const name = `master + ${AGENTS} agents`;
  return [
    { name: "docker role image ready (built, or cached by tag)", unit: "ms", summary: summarize([imageMs]) },
    {
      name: `docker runtime up -> ready (${name}, image built)`,
      unit: "ms",
      summary: summarize(up),
      target: { p50: 5000 },
    },
    { name: "docker runtime destroy -> nothing labelled left", unit: "ms", summary: summarize(destroy) },
  ];
}
