import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentProgress } from "../cluster/progress.js";
import { InprocRuntime } from "../cluster/runtime/inproc-runtime.js";
import { ProcessRuntime } from "../cluster/runtime/process-runtime.js";
import type { Runtime } from "../cluster/runtime/runtime.js";
import type { RuntimeKind } from "../cluster/spec/index.js";
import { startCluster } from "../cluster/start-cluster.js";
import { StateDir } from "../cluster/state-dir.js";
import { resolveSource, type ClusterSource, type MesosClusterSpec } from "./cluster-source.js";
import { ClusterRoles } from "./cluster-roles.js";
import { sweepOnExit } from "./exit-sweep.js";
import { RecordingRuntime } from "./recording-runtime.js";
import { StartedMesosCluster } from "./started-mesos-cluster.js";

function runtimeFor(kind: RuntimeKind): Runtime {
  if (kind === "docker") throw new Error("The docker runtime is not available yet; use inproc or process");
  return kind === "process" ? new ProcessRuntime() : new InprocRuntime();
}

/**
 * A cluster to start from a test: a spec object (test preset: runtime `inproc`, any free port) or a
 * minimesosFile. `await new MesosCluster(spec).start()` gives a StartedMesosCluster.
 */
export class MesosCluster {
  private source: ClusterSource;
  private startupTimeoutMs: number | undefined;

  constructor(spec: MesosClusterSpec = {}) {
    this.source = { spec };
  }

  /** A minimesosFile (or the JSON form) on disk; `overrides` replace its top-level properties. */
  static fromFile(path: string, overrides?: MesosClusterSpec): MesosCluster {
    return MesosCluster.from({ file: path, overrides });
  }

  /** minimesosFile text (or the JSON form); `source` names it in error messages. */
  static fromText(text: string, source?: string, overrides?: MesosClusterSpec): MesosCluster {
    return MesosCluster.from({ text, source, overrides });
  }

  private static from(source: ClusterSource): MesosCluster {
    const cluster = new MesosCluster();
    cluster.source = source;
    return cluster;
  }

  /** How long `start()` may take before it fails and removes what it started; default: the spec's `timeout`. */
  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  /** Starts master and agents; resolves once every agent is registered and active at the master. */
  async start(): Promise<StartedMesosCluster> {
    const { spec, notices } = await resolveSource(this.source);
    const timeoutMs = this.startupTimeoutMs ?? spec.timeoutSeconds * 1000;
    const baseDir = mkdtempSync(join(tmpdir(), "minimesos-test-"));
    const runtime = new RecordingRuntime(runtimeFor(spec.runtime));
    try {
      const running = await startCluster(spec, {
        runtime,
        state: new StateDir(baseDir),
        progress: silentProgress,
        timeoutMs,
      });
      if (runtime.kind === "process") sweepOnExit(running.clusterId);
      return new StartedMesosCluster(
        running,
        new ClusterRoles(running, runtime, timeoutMs),
        baseDir,
        notices,
      );
    } catch (error) {
      rmSync(baseDir, { recursive: true, force: true });
      throw error;
    }
  }
}
