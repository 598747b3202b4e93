import { agentPid } from "./agent-pid.js";
import { newClusterId } from "./cluster-id.js";
import { logTail } from "./log-tail.js";
import { mesosDnsAddress } from "./mesosdns-launch.js";
import { planCluster } from "./plan.js";
import type { Progress } from "./progress.js";
import { deployMarathonApps } from "./deploy-marathon-apps.js";
import {
  activeAgentIds,
  chronosReady,
  consulReady,
  isHealthy,
  marathonReady,
  StopWaiting,
  waitFor,
} from "./readiness.js";
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
 * `up` as ordered steps: plan ports, record the cluster id, start the master and every agent at once (an
 * agent retries its registration until the master answers) and wait until the master answers, then
 * until it has every agent active. A failing step stops at once, and everything started so far is removed.
 */
export async function startCluster(spec: ClusterSpec, options: StartClusterOptions): Promise<RunningCluster> {
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startClusterOnce(spec, options, deadline);
    } catch (error) {
      // A port that was free when planned can be taken by another cluster starting at the same moment;
      // everything was removed, so plan again (this process never hands out the same port twice).
      const portTaken = error instanceof ClusterStartError && error.logTail.includes("EADDRINUSE");
      if (!portTaken || attempt >= PORT_RACE_ATTEMPTS || Date.now() >= deadline) throw error;
      options.progress.note(
        `A port was taken while starting (${error.role ?? "a role"}); trying other ports`,
      );
    }
  }
}

const PORT_RACE_ATTEMPTS = 3;

async function startClusterOnce(
  spec: ClusterSpec,
  options: StartClusterOptions,
  deadline: number,
): Promise<RunningCluster> {
  const { runtime, state, progress, signal } = options;
  const left = () => Math.max(0, deadline - Date.now());
  const clusterId = newClusterId();
  state.writeClusterId(clusterId);
  const launched: LaunchedRole[] = [];

  /** Ends a wait at once when `up` is interrupted or a role's process has ended. */
  const guard = () => {
    if (signal?.aborted) throw new StopWaiting("Interrupted");
    const gone = launched.find((role) => role.exited());
    if (gone) throw new RoleExited(gone);
  };
  const launch = async (role: RoleLaunch) => {
    try {
      const started = await runtime.launch(role, clusterId);
      launched.push(started);
      return started;
    } catch (error) {
      throw failure(role, error);
    }
  };
  const answering = async (role: LaunchedRole) => {
    try {
      return await waitFor(
        `${role.name} to answer at ${role.url}`,
        async () => (
          guard(),
          (await isHealthy(role.url)) && (role.servesItsUrl?.() ?? true) ? true : undefined
        ),
        left(),
      );
    } catch (error) {
      throw failure(role, error);
    }
  };

  try {
    await runtime.prepare?.(clusterId, progress);
    guard();
    const hostPlan = await planCluster(spec, state);
    const plan = runtime.adaptPlan ? runtime.adaptPlan(hostPlan) : hostPlan;
    guard();
    const count = plan.agents.length;
    // Mesos-DNS first, as minimesos started it: in Docker the other containers take it as their resolver.
    const mesosdns = plan.mesosdns && (await launch(plan.mesosdns));
    const [master, ...agents] = await progress.step(
      `Starting master at ${plan.master.url} and ${count} agent(s)`,
      async () => {
        // Settled, not Promise.all: every role that did start is in `launched` before cleaning up.
        const settled = await Promise.allSettled([plan.master, ...plan.agents].map(launch));
        const roles = settled.map((s) => {
          if (s.status === "rejected") throw s.reason;
          return s.value;
        });
        await answering(roles[0] as LaunchedRole);
        return roles;
      },
    );
    if (!master) throw new Error("the runtime started no master");
    const marathon = plan.marathon && (await launch(plan.marathon));
    const chronos = plan.chronos && (await launch(plan.chronos));
    const pids = plan.agents.map((a, i) => agentPid(a.flags, agents[i]));
    const agentIds = await progress.step(`Waiting for ${count} agent(s) to register`, () =>
      waitFor(
        "every agent to register with the master",
        () => (guard(), activeAgentIds(master.url, pids)),
        left(),
      ),
    );
    const extraRoles: LaunchedRole[] = chronos ? [chronos] : [];
    if (plan.consul) {
      const consul = await launch(plan.consul);
      extraRoles.push(consul);
      await progress.step(`Starting Consul at ${consul.url}`, () =>
        waitFor(
          "Consul to answer",
          async () => (
            guard(),
            (await consulReady(consul.url)) && (consul.servesItsUrl?.() ?? true) ? true : undefined
          ),
          left(),
        ).catch((error: unknown) => {
          throw failure(consul, error);
        }),
      );
      if (plan.registrator)
        extraRoles.push(
          await progress.step("Starting registrator", () => launch(plan.registrator as RoleLaunch)),
        );
    }
    if (mesosdns && plan.mesosdns) {
      extraRoles.push(mesosdns);
      const { host, port } = mesosDnsAddress(plan.mesosdns);
      await progress.step(`Starting Mesos-DNS at ${host}:${port}`, () => answering(mesosdns));
    }
    const cluster = new RunningCluster(
      clusterId,
      runtime.kind,
      state,
      master,
      agents,
      agentIds,
      plan.bindAddress,
      [
        plan.master,
        ...plan.agents,
        ...(plan.marathon ? [plan.marathon] : []),
        ...(plan.chronos ? [plan.chronos] : []),
        ...(plan.consul ? [plan.consul] : []),
        ...(plan.registrator ? [plan.registrator] : []),
        ...(plan.mesosdns ? [plan.mesosdns] : []),
      ],
      marathon,
      extraRoles,
    );
    if (marathon && spec.marathon) {
      const { apps, groups } = spec.marathon;
      await progress.step(`Waiting for Marathon at ${marathon.url}`, () =>
        waitFor(
          "Marathon to register with the master",
          () => (guard(), marathonReady(marathon.url, master.url)),
          left(),
        ).catch((error: unknown) => {
          throw failure(marathon, error);
        }),
      );
      if (apps.length + groups.length > 0)
        await progress.step(`Deploying ${apps.length + groups.length} Marathon app(s) and group(s)`, () =>
          deployMarathonApps(cluster, apps, groups),
        );
    }
    if (chronos)
      await progress.step(`Waiting for Chronos at ${chronos.url}`, () =>
        waitFor(
          "Chronos to register with the master",
          () => (guard(), chronosReady(chronos.url, master.url)),
          left(),
        ).catch((error: unknown) => {
          throw failure(chronos, error);
        }),
      );
    if (runtime.kind !== "inproc") state.writeCluster(cluster.record());
    return cluster;
  } catch (error) {
    // Read the failed role's log before the state directory goes.
    const reported =
      error instanceof ClusterStartError || error instanceof RoleExited
        ? failure({ name: "" }, error)
        : new ClusterStartError(error instanceof Error ? error.message : String(error), undefined, "");
    await stopRoles(clusterId, launched, runtime.kind === "process");
    await runtime.sweep?.(clusterId).catch(() => undefined);
    state.remove();
    throw reported;
  }
}

class RoleExited extends StopWaiting {
  constructor(readonly role: LaunchedRole) {
    super("the process exited");
  }
}

/** The error `up` reports for a role: the cause, and the end of the role's log. */
function failure(role: { name: string; logPath?: string }, error: unknown): ClusterStartError {
  if (error instanceof ClusterStartError) return error;
  if (error instanceof RoleExited) role = error.role;
  return new ClusterStartError(
    `${role.name} failed to start: ${error instanceof Error ? error.message : String(error)}`,
    role.name,
    logTail(role.logPath),
  );
}
