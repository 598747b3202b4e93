import { newClusterId } from "./cluster-id.js";
import { logTail } from "./log-tail.js";
import { planCluster } from "./plan.js";
import type { Progress } from "./progress.js";
import { activeAgentIds, isHealthy, StopWaiting, waitFor } from "./readiness.js";
import { RunningCluster, stopRoles } from "./running-cluster.js";
import type { LaunchedRole, RoleLaunch, Runtime } from "./runtime/runtime.js";
import type { ClusterSpec } from "./spec/index.js";
import type { StateDir } from "./state-dir.js";

export interface StartClusterOptions {
  runtime: Runtime;
  state: StateDir;
  progress: Progress;
  timeoutMs: number;
  /** Aborting (Ctrl-C) stops `up` and removes what it started. */
  signal?: AbortSignal;
}

export class ClusterStartError extends Error {
  constructor(
    message: string,
    readonly role: string | undefined,
    readonly logTail: string,
  ) {
    super(message);
  }
}

/**
 * `up` as ordered steps: plan ports, record the cluster id, start the master and wait until it answers,
 * start the agents and wait until the master has every one of them active. A failing step stops at once,
 * and everything started so far is removed.
 */
export async function startCluster(spec: ClusterSpec, options: StartClusterOptions): Promise<RunningCluster> {
  const { runtime, state, progress, timeoutMs, signal } = options;
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(0, deadline - Date.now());
  const clusterId = newClusterId();
  state.writeClusterId(clusterId);
  const launched: LaunchedRole[] = [];

  const guard = () => {
    if (signal?.aborted) throw new StopWaiting("Interrupted");
  };
  const answering = (role: LaunchedRole) => {
    guard();
    if (role.exited()) throw new StopWaiting("the process exited");
    return isHealthy(role.url);
  };
  const launch = async (role: RoleLaunch) => {
    try {
      const started = await runtime.launch(role, clusterId);
      launched.push(started);
      await waitFor(`${role.name} to answer at ${role.url}`, () => answering(started), left());
      return started;
    } catch (error) {
      if (error instanceof ClusterStartError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new ClusterStartError(
        `${role.name} failed to start: ${message}`,
        role.name,
        logTail(role.logPath),
      );
    }
  };

  try {
    const plan = await planCluster(spec, state);
    guard();
    const master = await progress.step(`Starting master at ${plan.master.url}`, () => launch(plan.master));
    guard();
    const agents = await progress.step(`Starting ${plan.agents.length} agent(s)`, () =>
      Promise.all(plan.agents.map(launch)),
    );
    const pids = plan.agents.map(
      (a) => `slave(1)@${a.flags.ip === "0.0.0.0" ? "127.0.0.1" : a.flags.ip}:${a.flags.port}`,
    );
    const agentIds = await progress.step(`Waiting for ${plan.agents.length} agent(s) to register`, () =>
      waitFor(
        "every agent to register with the master",
        () => (guard(), activeAgentIds(master.url, pids)),
        left(),
      ),
    );
    const cluster = new RunningCluster(
      clusterId,
      runtime.kind,
      state,
      master,
      agents,
      agentIds,
      plan.bindAddress,
    );
    if (runtime.kind === "process") state.writeCluster(cluster.record());
    return cluster;
  } catch (error) {
    await stopRoles(clusterId, launched, runtime.kind === "process");
    state.remove();
    if (error instanceof ClusterStartError) throw error;
    throw new ClusterStartError(error instanceof Error ? error.message : String(error), undefined, "");
  }
}
