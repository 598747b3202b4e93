import { rmSync } from "node:fs";
import { mesosDnsAddress } from "../cluster/mesosdns-launch.js";
import type { RunningCluster } from "../cluster/running-cluster.js";
import type { RuntimeKind } from "../cluster/runtime/runtime.js";
import type { TaskState } from "../mesos/task-state.js";
import type { AgentState } from "./agent-state.js";
import { clusterAgent, type ClusterAgent } from "./cluster-agent.js";
import type { ClusterRoles } from "./cluster-roles.js";
import { observeConsulService, type ConsulServiceEntry } from "./consul-service.js";
import { chronosJob, observeChronosSuccess, type ChronosJob } from "./chronos-job.js";
import { resolveName, type ResolveType } from "./dns-lookup.js";
import { forgetOnExit } from "./exit-sweep.js";
import { getJson } from "./http-json.js";
import type { MasterAgent, MasterFramework, MasterState, MasterTask } from "./master-state.js";
import { observeAgents, observeFramework, observeTask, observeUnreachable } from "./observations.js";
import { readTaskOutput, type TaskOutputStream } from "./task-output.js";
import { waitUntil, type Observation, type WaitOptions } from "./wait.js";

/** An agent by position (0-based), by id, or as a ClusterAgent. */
export type AgentRef = number | string | ClusterAgent;

/** A running cluster: URLs, typed state, waiters and fault injection. Stop it with `stop()` or `await using`. */
export class StartedMesosCluster implements AsyncDisposable {
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly running: RunningCluster,
    private readonly roles: ClusterRoles,
    private readonly baseDir: string,
    /** Notices from the minimesosFile (retired properties, roles not yet available). */
    readonly notices: readonly string[],
  ) {}

  /** The id every process of the cluster carries as MINIMESOS_CLUSTER_ID. */
  get clusterId(): string {
    return this.running.clusterId;
  }

  get runtime(): RuntimeKind {
    return this.running.runtime;
  }

  /** `http://127.0.0.1:<port>`; the same port after `restartMaster()`. */
  get masterUrl(): string {
    return this.roles.masterUrl;
  }

  /** Consul's HTTP API, `http://127.0.0.1:<port>`, when the spec has `consul`. */
  get consulUrl(): string {
    const consul = this.running.extraRole("consul");
    if (!consul) throw new Error(`Cluster ${this.clusterId} has no consul: add 'consul: {}' to its spec`);
    return consul.url;
  }

  /** Chronos's API, `http://127.0.0.1:<port>` (paths under /v1/scheduler and /scheduler), when the spec has `chronos`. */
  get chronosUrl(): string {
    const chronos = this.running.extraRole("chronos");
    if (!chronos) throw new Error(`Cluster ${this.clusterId} has no chronos: add 'chronos: {}' to its spec`);
    return chronos.url;
  }

  /** Waits for the Chronos job's next success (its successCount rising above what it is now); resolves with the job. */
  async waitForChronosSuccess(name: string, options?: WaitOptions): Promise<ChronosJob> {
    const before = (await chronosJob(this.chronosUrl, name)).successCount;
    return waitUntil(
      `the next success of Chronos job ${name}`,
      () => observeChronosSuccess(this.chronosUrl, name, before),
      options,
    );
  }

  /** Waits until Consul has exactly `count` passing instances of the service; resolves with them. */
  waitForConsulService(name: string, count: number, options?: WaitOptions): Promise<ConsulServiceEntry[]> {
    return waitUntil(
      `${count} passing instance(s) of Consul service ${name}`,
      () => observeConsulService(this.consulUrl, name, count),
      options,
    );
  }

  /** Where the cluster's Mesos-DNS answers (UDP and TCP), when the spec has `mesosdns`. */
  get dnsAddress(): { host: string; port: number } {
    const launch = this.running.launches.find((l) => l.role === "dns");
    if (!launch) throw new Error(`Cluster ${this.clusterId} has no mesosdns: add 'mesosdns: {}' to its spec`);
    return mesosDnsAddress(launch);
  }

  /** Asks the cluster's Mesos-DNS: IPs for A (default) and AAAA, `target:port` for SRV, [] when unknown. */
  resolve(name: string, type: ResolveType = "A"): Promise<string[]> {
    return resolveName(this.dnsAddress, name, type);
  }

  /** Every agent of the spec, in order, with its current status. */
  get agents(): ClusterAgent[] {
    return Array.from({ length: this.roles.agentCount }, (_, index) => {
      const slot = this.roles.slot(index);
      return clusterAgent(index, slot.id, slot.status, slot.launch, slot.role.url);
    });
  }

  agent(ref: AgentRef): ClusterAgent {
    if (typeof ref === "number") {
      const slot = this.roles.slot(ref);
      return clusterAgent(ref, slot.id, slot.status, slot.launch, slot.role.url);
    }
    const id = typeof ref === "string" ? ref : ref.id;
    const found = this.agents.find((a) => a.id === id);
    if (!found) throw new Error(`No agent with id ${id} in cluster ${this.clusterId}`);
    return found;
  }

  /** The master's `/master/state`. */
  masterState(): Promise<MasterState> {
    return getJson<MasterState>(`${this.masterUrl}/master/state`);
  }

  /** An agent's `/state`. */
  async agentState(ref: AgentRef): Promise<AgentState> {
    return getJson<AgentState>(`${this.agent(ref).url}/state`);
  }

  /** Waits until the master's state satisfies `check` (return a value, or undefined for "not yet"). */
  waitForMasterState<T>(
    what: string,
    check: (state: MasterState) => T | undefined,
    options?: WaitOptions,
  ): Promise<T> {
    return this.watch<T>(
      what,
      (state) => {
        const value = check(state);
        return value === undefined ? { seen: "the check returned undefined" } : { value };
      },
      options,
    );
  }

  /** Waits until at least `count` agents are registered and active; resolves with the active agents. */
  waitForAgents(count: number, options?: WaitOptions): Promise<MasterAgent[]> {
    return this.watch(`${count} active agent(s)`, (s) => observeAgents(s, count), options);
  }

  /** Waits until a framework with this name or id is registered and active. */
  waitForFramework(nameOrId: string, options?: WaitOptions): Promise<MasterFramework> {
    return this.watch(`framework ${nameOrId} to be active`, (s) => observeFramework(s, nameOrId), options);
  }

  /** Waits until the task is in `state`; fails at once if it ends in another terminal state. */
  waitForTask(taskId: string, state: TaskState, options?: WaitOptions): Promise<MasterTask> {
    return this.watch(`task ${taskId} to reach ${state}`, (s) => observeTask(s, taskId, state), options);
  }

  /** Waits until the master has marked the agent unreachable (after its ping timeouts). */
  async waitForAgentUnreachable(ref: AgentRef, options?: WaitOptions): Promise<void> {
    const { id } = this.agent(ref);
    await this.watch(`agent ${id} to be marked unreachable`, (s) => observeUnreachable(s, id), options);
  }

  /** A task's sandbox `stdout` (default) or `stderr`. */
  async taskOutput(taskId: string, stream: TaskOutputStream = "stdout"): Promise<string> {
    const urls = new Map(this.agents.filter((a) => a.status === "running").map((a) => [a.id, a.url]));
    return readTaskOutput(await this.masterState(), urls, taskId, stream);
  }

  /** Graceful stop: the agent kills its tasks and leaves; the master sees it disconnect. */
  async stopAgent(ref: AgentRef): Promise<void> {
    return this.roles.stopAgent(this.agent(ref).index);
  }

  /**
   * SIGKILL: the agent vanishes without a word and its tasks keep running (the process runtime sends a
   * real SIGKILL; in process the agent drops its connections and timers at once). `stop()` ends the tasks.
   */
  async killAgent(ref: AgentRef): Promise<void> {
    return this.roles.killAgent(this.agent(ref).index);
  }

  /** Starts the agent again with the same work dir and port; resolves once it re-registered (same id). */
  async restartAgent(ref: AgentRef): Promise<ClusterAgent> {
    const index = this.agent(ref).index;
    await this.roles.restartAgent(index);
    return this.agent(index);
  }

  /** Stops and starts the master on the same port; resolves once every running agent re-registered. */
  restartMaster(): Promise<void> {
    return this.roles.restartMaster();
  }

  /** Stops every role, ends every task process and removes the cluster's temp dir. Safe to call twice. */
  stop(): Promise<void> {
    return (this.stopping ??= this.roles.stopAll().finally(() => {
      forgetOnExit(this.clusterId);
      rmSync(this.baseDir, { recursive: true, force: true });
    }));
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  private watch<T>(
    what: string,
    observe: (state: MasterState) => Observation<T>,
    options?: WaitOptions,
  ): Promise<T> {
    return waitUntil(what, async () => observe(await this.masterState()), options);
  }
}
