import type { Command } from "commander";
import { destroyCluster } from "../cluster/destroy-cluster.js";
import { liveCluster } from "../cluster/cluster-status.js";
import { createProgress } from "../cluster/progress.js";
import { ProcessRuntime } from "../cluster/runtime/process-runtime.js";
import type { Runtime } from "../cluster/runtime/runtime.js";
import { ClusterStartError, startCluster } from "../cluster/start-cluster.js";
import { devPreset, type ClusterSpecInput } from "../cluster/spec/index.js";
import { StateDir } from "../cluster/state-dir.js";
import { loadClusterConfig } from "./cluster-config.js";
import { CliError, ExitCode } from "./exit-codes.js";
import { printClusterInfo } from "./info.js";

interface UpOptions {
  clusterConfig?: string;
  numAgents?: string;
  timeout?: string;
  mapPortsToHost?: boolean;
  runtime?: string;
  json?: boolean;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`${flag} must be a whole number, got '${value}'`, ExitCode.usage);
  return n;
}

function applyFlags(input: ClusterSpecInput, options: UpOptions): ClusterSpecInput {
  const out: ClusterSpecInput = { ...input };
  if (options.numAgents !== undefined) {
    const n = positiveInt(options.numAgents, "--num-agents");
    if (n < 1) throw new CliError("--num-agents must be at least 1", ExitCode.usage);
    const given = input.agents ?? [];
    out.agents = Array.from({ length: n }, (_, i) => given[i] ?? given[given.length - 1] ?? {}).map((a, i) =>
      i < given.length ? a : { ...a, port: undefined },
    );
  }
  if (options.timeout !== undefined) out.timeout = positiveInt(options.timeout, "--timeout") || undefined;
  if (options.mapPortsToHost !== undefined) out.mapPortsToHost = options.mapPortsToHost;
  if (options.runtime !== undefined) {
    if (options.runtime !== "process" && options.runtime !== "docker")
      throw new CliError(`--runtime is 'process' or 'docker', got '${options.runtime}'`, ExitCode.usage);
    out.runtime = options.runtime;
  }
  return out;
}

/** The Docker runtime, loaded only when asked for; fails early and clearly without an engine. */
async function dockerRuntime(): Promise<Runtime> {
  const { engineAnswers } = await import("../cluster/docker/engine.js");
  if (!(await engineAnswers()))
    throw new CliError(
      "No Docker engine answers (check DOCKER_HOST or the Docker daemon)",
      ExitCode.backendUnavailable,
      'Start Docker, or use runtime = "process" (the default).',
    );
  const { DockerRuntime } = await import("../cluster/runtime/docker-runtime.js");
  return new DockerRuntime();
}

export function registerUpCommand(program: Command): void {
  program
    .command("up")
    .description("start a cluster from ./minimesosFile (or the defaults) and print its export lines")
    .option("--clusterConfig <file>", "minimesosFile or JSON cluster spec to use instead of ./minimesosFile")
    .option("--num-agents <n>", "number of agents (overrides the file)")
    .option("--timeout <seconds>", "how long to wait for the cluster to be ready (default 60)")
    .option("--mapPortsToHost", "serve on every interface instead of 127.0.0.1")
    .option("--runtime <kind>", "where the roles run: process (the default) or docker (one container each)")
    .option("--json", "print the cluster record as JSON instead of export lines")
    .action(async (options: UpOptions) => {
      const state = new StateDir(process.cwd());
      const running = await liveCluster(state).catch(() => undefined);
      if (running) {
        process.stderr.write(`Cluster ${running.clusterId} is already running\n`);
        await printClusterInfo(running, options.json ?? false);
        return;
      }
      if (state.readClusterId()) await destroyCluster(state);
      const spec = devPreset(applyFlags(await loadClusterConfig(options.clusterConfig), options));
      if (spec.runtime === "inproc")
        throw new CliError(
          "The inproc runtime is for the test library; 'up' runs 'process' or 'docker'",
          ExitCode.usage,
          'Use runtime = "process" (the default) or "docker".',
        );
      if (spec.mapPortsToHost)
        process.stderr.write(
          "warning: --mapPortsToHost serves every role on all network interfaces, not only 127.0.0.1\n",
        );
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      process.once("SIGINT", onSigint);
      try {
        const cluster = await startCluster(spec, {
          runtime: spec.runtime === "docker" ? await dockerRuntime() : new ProcessRuntime(),
          state,
          progress: createProgress(),
          timeoutMs: spec.timeoutSeconds * 1000,
          signal: abort.signal,
        });
        await printClusterInfo(cluster.record(), options.json ?? false);
      } catch (error) {
        if (abort.signal.aborted)
          throw new CliError("Interrupted; everything `up` started was removed", ExitCode.interrupted);
        if (error instanceof ClusterStartError) {
          const tail = error.logTail ? `\n--- last lines of ${error.role} log ---\n${error.logTail}` : "";
          const timedOut = /Timed out/.test(error.message);
          throw new CliError(
            `${error.message}${tail}`,
            timedOut ? ExitCode.timedOut : ExitCode.failure,
            "Everything `up` started was removed. Fix the cause above and run 'minimesos up' again.",
          );
        }
        throw error;
      } finally {
        process.removeListener("SIGINT", onSigint);
      }
    });
}
