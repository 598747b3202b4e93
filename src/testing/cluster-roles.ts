import { agentPid } from "../cluster/agent-pid.js";
import { activeAgentIds, isHealthy, waitFor } from "../cluster/readiness.js";
import { stopRoles, type RunningCluster } from "../cluster/running-cluster.js";
import { isAlive } from "../cluster/runtime/pids.js";
import type { LaunchedRole, RoleLaunch } from "../cluster/runtime/runtime.js";
import type { RecordingRuntime } from "./recording-runtime.js";

export type AgentStatus = "running" | "stopped" | "killed";

interface AgentSlot {
  role: LaunchedRole;
  status: AgentStatus;
  id: string;
}

/** SIGKILL for a role process; the in-process runtime's abrupt stop otherwise. */
async function killRole(role: LaunchedRole, inProcess: boolean): Promise<void> {
  if (inProcess) return role.kill();
  try {
    process.kill(role.pid, "SIGKILL");
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (isAlive(role.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

/** The roles of a started cluster and what tests do to them: stop, kill, restart, and the final cleanup. */
export class ClusterRoles {
  private master: LaunchedRole;
  private masterRunning = true;
  private readonly slots: AgentSlot[];
  private readonly inProcess: boolean;
  /** Killed in-process agents replaced by a restart: stopping them ends the task processes they left. */
  private readonly crashed: LaunchedRole[] = [];

  constructor(
    private readonly cluster: RunningCluster,
    private readonly runtime: RecordingRuntime,
    private readonly timeoutMs: number,
  ) {
    this.master = cluster.master;
    this.inProcess = runtime.kind === "inproc";
    this.slots = cluster.agents.map((role, index) => ({
      role,
      status: "running",
      id: cluster.agentIds[index] ?? "",
    }));
  }

  get masterUrl(): string {
    return this.master.url;
  }

  get agentCount(): number {
    return this.slots.length;
  }

  slot(index: number): Readonly<AgentSlot> & { launch: RoleLaunch } {
    const slot = this.slots[index];
    if (!slot)
      throw new RangeError(`No agent at index ${index}; the cluster has ${this.slots.length} (0-based)`);
    return { ...slot, launch: this.runtime.launchOf(slot.role.name) };
  }

  async stopAgent(index: number): Promise<void> {
    const slot = this.slot(index);
    if (slot.status !== "running") return;
    await this.slots[index]!.role.stop();
    this.slots[index]!.status = "stopped";
  }

  async killAgent(index: number): Promise<void> {
    const slot = this.slot(index);
    if (slot.status !== "running") return;
    await killRole(this.slots[index]!.role, this.inProcess);
    this.slots[index]!.status = "killed";
  }

  /** Same flags, port and work dir: the agent re-registers with its checkpointed id. */
  async restartAgent(index: number): Promise<void> {
    const slot = this.slot(index);
    const current = this.slots[index]!;
    if (slot.status === "running") await current.role.stop();
    // The restarted agent recovers (re-adopts or ends) what a killed one left; anything else ends with the cluster.
    if (slot.status === "killed" && this.inProcess) this.crashed.push(current.role);
    current.role = await this.relaunch(slot.launch);
    current.status = "running";
    const [id] = await waitFor(
      `${slot.launch.name} to re-register with the master`,
      () => activeAgentIds(this.master.url, [agentPid(slot.launch.flags, current.role)]),
      this.timeoutMs,
    );
    current.id = id ?? current.id;
  }

  /** Same flags and port; waits until every running agent is registered and active again. */
  async restartMaster(): Promise<void> {
    if (this.masterRunning) await this.master.stop();
    this.masterRunning = false;
    this.master = await this.relaunch(this.runtime.launchOf(this.master.name));
    this.masterRunning = true;
    await waitFor(
      `the master to answer at ${this.master.url}`,
      () => isHealthy(this.master.url),
      this.timeoutMs,
    );
    const pids = this.slots
      .filter((s) => s.status === "running")
      .map((s) => agentPid(this.runtime.launchOf(s.role.name).flags, s.role));
    await waitFor(
      "every running agent to re-register with the restarted master",
      () => activeAgentIds(this.master.url, pids),
      this.timeoutMs,
    );
  }

  /** Stops every role still running (agents first), ends what crashed agents left, sweeps cluster processes. */
  async stopAll(): Promise<void> {
    const running = this.slots.filter((s) => s.status === "running").map((s) => s.role);
    // In process, stopping a killed agent ends the tasks it left; its processes carry no cluster id to sweep.
    const killed = this.slots.filter((s) => s.status === "killed").map((s) => s.role);
    const leftovers = this.inProcess ? [...this.crashed, ...killed] : [];
    const master = this.masterRunning ? [this.master] : [];
    // registrator before Consul (it removes its services), both before the agents.
    for (const role of [...this.cluster.extraRoles].reverse()) await role.stop().catch(() => role.kill());
    await stopRoles(this.cluster.clusterId, [...running, ...leftovers, ...master], !this.inProcess);
    for (const slot of this.slots) slot.status = "stopped";
    this.masterRunning = false;
  }

  private async relaunch(launch: RoleLaunch): Promise<LaunchedRole> {
    return this.runtime.launch(launch, this.cluster.clusterId);
  }
}
