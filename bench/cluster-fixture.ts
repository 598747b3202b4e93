import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentProgress } from "../src/cluster/progress.js";
import { stopRoles, type RunningCluster } from "../src/cluster/running-cluster.js";
import { ProcessRuntime } from "../src/cluster/runtime/process-runtime.js";
import { startCluster } from "../src/cluster/start-cluster.js";
import { devPreset, type ClusterSpecInput } from "../src/cluster/spec/index.js";
import { StateDir } from "../src/cluster/state-dir.js";

/** A cluster of OS processes in a temp directory, on free ports, for one benchmark. */
export async function withProcessCluster<T>(
  input: ClusterSpecInput,
  run: (cluster: RunningCluster) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "minimesos-bench-"));
  const state = new StateDir(dir);
  const spec = devPreset({
    ...input,
    master: { port: 0, ...input.master },
    agents: (input.agents ?? [{}]).map((a) => ({ port: 0, ...a })),
  });
  const cluster = await startCluster(spec, {
    runtime: new ProcessRuntime(),
    state,
    progress: silentProgress,
    timeoutMs: 30_000,
  });
  try {
    return await run(cluster);
  } finally {
    await stopRoles(cluster.clusterId, cluster.roles, true);
    rmSync(dir, { recursive: true, force: true });
  }
}
