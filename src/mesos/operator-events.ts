import type { AgentInfo } from "./agent-info.js";
import type { FrameworkInfo } from "./framework.js";
import type { ID } from "./ids.js";
import type { MasterInfo } from "./master-info.js";
import type { Resource } from "./resource.js";
import type { Task, TaskStatus } from "./task.js";
import type { TaskState } from "./task-state.js";

/** GetAgents.Agent, as the operator API reports an agent. */
export interface OperatorAgent {
  agent_info: AgentInfo;
  active: boolean;
  deactivated?: boolean;
  version?: string;
  /** `slave(1)@10.0.0.2:5051` */
  pid?: string;
  registered_time?: { nanoseconds: number };
  total_resources?: Resource[];
  [field: string]: unknown;
}

/** GetFrameworks.Framework */
export interface OperatorFramework {
  framework_info: FrameworkInfo;
  active: boolean;
  connected: boolean;
  recovered?: boolean;
  [field: string]: unknown;
}

/** The GET_STATE answer, also the body of SUBSCRIBED. */
export interface OperatorState {
  get_tasks?: { tasks?: Task[]; unreachable_tasks?: Task[]; completed_tasks?: Task[] };
  get_executors?: { executors?: unknown[] };
  get_frameworks?: { frameworks?: OperatorFramework[]; completed_frameworks?: OperatorFramework[] };
  get_agents?: { agents?: OperatorAgent[]; recovered_agents?: unknown[] };
}

/** The master's operator API events (master::Event in JSON). */
export type OperatorEvent =
  | { type: "SUBSCRIBED"; subscribed: { get_state: OperatorState; heartbeat_interval_seconds?: number } }
  | { type: "TASK_ADDED"; task_added: { task: Task } }
  | { type: "TASK_UPDATED"; task_updated: { framework_id: ID; status: TaskStatus; state: TaskState } }
  | { type: "AGENT_ADDED"; agent_added: { agent: OperatorAgent } }
  | { type: "AGENT_REMOVED"; agent_removed: { agent_id: ID } }
  | { type: "FRAMEWORK_ADDED"; framework_added: { framework: OperatorFramework } }
  | { type: "FRAMEWORK_UPDATED"; framework_updated: { framework: OperatorFramework } }
  | { type: "FRAMEWORK_REMOVED"; framework_removed: { framework_info: FrameworkInfo } }
  | { type: "HEARTBEAT" }
  | { type: "UNKNOWN" | "ERROR"; [field: string]: unknown };

export type OperatorEventType = OperatorEvent["type"];

/** The master's answer to GET_MASTER. */
export interface GetMasterAnswer {
  type: "GET_MASTER";
  get_master: { master_info: MasterInfo; start_time?: number; elected_time?: number };
}
