import type { AgentInfo } from "../../mesos/agent-info.js";
import type { AgentRecord } from "./agent-record.js";

export interface UnreachableAgent {
  info: AgentInfo;
  /** Seconds since the epoch. */
  time: number;
}

/**
 * Registered agents, agents recovered from the registry that have not re-registered yet, agents marked
 * unreachable (which may come back) and agents marked gone (which may not). Every change that the registry
 * keeps (admission, unreachable, gone, removal) is reported to `onChange`.
 */
export class AgentRegistry {
  private readonly registered = new Map<string, AgentRecord>();
  private readonly unreachableAgents = new Map<string, UnreachableAgent>();
  private readonly goneAgents = new Map<string, AgentInfo>();
  private readonly recoveredAgents = new Map<string, AgentInfo>();
  private readonly admittingAgents = new Map<string, AgentInfo>();
  onChange: () => void = () => undefined;

  get unreachable(): ReadonlyMap<string, UnreachableAgent> {
    return this.unreachableAgents;
  }

  get gone(): ReadonlyMap<string, AgentInfo> {
    return this.goneAgents;
  }

  /** Admitted before the master (re)started and not re-registered since. */
  get recovered(): ReadonlyMap<string, AgentInfo> {
    return this.recoveredAgents;
  }

  /** The registry's agents as a restarted master finds them. */
  restore(snapshot: {
    admitted: AgentInfo[];
    unreachable: Array<UnreachableAgent & { id: string }>;
    gone: Array<AgentInfo & { id: { value: string } }>;
  }): void {
    for (const info of snapshot.admitted) if (info.id) this.recoveredAgents.set(info.id.value, info);
    for (const { id, info, time } of snapshot.unreachable) this.unreachableAgents.set(id, { info, time });
    for (const info of snapshot.gone) this.goneAgents.set(info.id.value, info);
  }

  /** Agents being written to the registry before they are registered. */
  get admitting(): ReadonlyMap<string, AgentInfo> {
    return this.admittingAgents;
  }

  admit(info: AgentInfo & { id: { value: string } }): void {
    this.admittingAgents.set(info.id.value, info);
    this.onChange();
  }

  /** An admission whose agent went away (or registered otherwise) while the registry was written. */
  cancelAdmission(id: string): void {
    if (this.admittingAgents.delete(id) && !this.registered.has(id)) this.onChange();
  }

  add(agent: AgentRecord): void {
    this.admittingAgents.delete(agent.id);
    this.registered.set(agent.id, agent);
    this.unreachableAgents.delete(agent.id);
    this.recoveredAgents.delete(agent.id);
    this.onChange();
  }

  /** A registered agent's info changed (re-registration). */
  updated(): void {
    this.onChange();
  }

  get(id: string): AgentRecord | undefined {
    return this.registered.get(id);
  }

  all(): AgentRecord[] {
    return [...this.registered.values()];
  }

  remove(id: string): void {
    this.registered.delete(id);
    this.onChange();
  }

  markUnreachable(id: string, agent: UnreachableAgent): void {
    this.registered.delete(id);
    this.recoveredAgents.delete(id);
    this.unreachableAgents.set(id, agent);
    this.onChange();
  }

  markGone(id: string, info: AgentInfo): void {
    this.registered.delete(id);
    this.recoveredAgents.delete(id);
    this.unreachableAgents.delete(id);
    this.goneAgents.set(id, info);
    this.onChange();
  }
}
