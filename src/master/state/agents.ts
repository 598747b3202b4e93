import type { AgentInfo } from "../../mesos/agent-info.js";
import type { AgentRecord } from "./agent-record.js";

export interface UnreachableAgent {
  info: AgentInfo;
  /** Seconds since the epoch. */
  time: number;
}

/** Registered agents, agents marked unreachable (which may come back), and agents marked gone (which may not). */
export class AgentRegistry {
  private readonly registered = new Map<string, AgentRecord>();
  readonly unreachable = new Map<string, UnreachableAgent>();
  readonly gone = new Map<string, AgentInfo>();

  add(agent: AgentRecord): void {
    this.registered.set(agent.id, agent);
    this.unreachable.delete(agent.id);
  }

  get(id: string): AgentRecord | undefined {
    return this.registered.get(id);
  }

  all(): AgentRecord[] {
    return [...this.registered.values()];
  }

  remove(id: string): void {
    this.registered.delete(id);
  }
}
