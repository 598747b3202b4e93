import type { LegacyTaskStatus, MasterTask, ResourceSummary } from "./master-state.js";

/** A task in the agent's `/state`: the master's shape, without `user`. */
export type AgentTask = Omit<MasterTask, "user" | "statuses"> & { statuses: LegacyTaskStatus[] };

export interface AgentQueuedTask {
  id: string;
  name: string;
  slave_id: string;
  resources: ResourceSummary;
  role?: string;
  executor_id?: string;
}

/** An executor in the agent's `/state`; `directory` is its sandbox. */
export interface AgentExecutor {
  id: string;
  name: string;
  source: string;
  container: string;
  directory: string;
  resources: ResourceSummary;
  role?: string;
  type?: string;
  tasks: AgentTask[];
  queued_tasks: AgentQueuedTask[];
  completed_tasks: AgentTask[];
}

export interface AgentFramework {
  id: string;
  name: string;
  user: string;
  role?: string;
  roles?: string[];
  principal?: string;
  hostname: string;
  failover_timeout: number;
  checkpoint: boolean;
  capabilities: string[];
  executors: AgentExecutor[];
  completed_executors: AgentExecutor[];
}

/** The agent's legacy `/state` JSON, as far as tests read it. */
export interface AgentState {
  version: string;
  start_time: number;
  /** "" until the agent has registered. */
  id: string;
  pid: string;
  hostname: string;
  capabilities: string[];
  master_hostname?: string;
  resources: ResourceSummary;
  reserved_resources: Record<string, ResourceSummary>;
  unreserved_resources: ResourceSummary;
  attributes: Record<string, string | number>;
  flags: Record<string, string>;
  frameworks: AgentFramework[];
  completed_frameworks: AgentFramework[];
}
