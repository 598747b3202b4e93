/**
 * The link between our agents and our master. Real Mesos uses libprocess messages here; we use one
 * HTTP endpoint on the master with the same shape as the v1 APIs: the agent POSTs REGISTER and keeps the
 * RecordIO response open as its event stream, and POSTs every other call on its own connection.
 *
 *   POST /master/internal/agent   (Content-Type: application/json)
 *     REGISTER         → 200 + RecordIO stream of AgentLinkEvent (first REGISTERED, or SHUTDOWN then close)
 *     STATUS_UPDATE    → 202
 *     EXECUTOR_EXITED  → 202
 *     EXECUTOR_MESSAGE → 202
 *   Errors are plain text: 400 for bad input, 404 "Agent is not registered" for an unknown or removed agent id.
 *
 * The stream closing is how the master learns that the agent is gone (disconnected, then unreachable after
 * the ping timeout); the agent reconnects and re-registers with its checkpointed id.
 */
import type { AgentCapabilityType, AgentInfo } from "./agent-info.js";
import type { KillPolicy } from "./command.js";
import type { FrameworkInfo } from "./framework.js";
import type { ID } from "./ids.js";
import type { MasterInfo } from "./master-info.js";
import type { ExecutorInfo, Task, TaskGroupInfo, TaskInfo, TaskStatus } from "./task.js";

export const AGENT_LINK_PATH = "/master/internal/agent";

export type AgentLinkCallType = "REGISTER" | "STATUS_UPDATE" | "EXECUTOR_EXITED" | "EXECUTOR_MESSAGE";

export interface AgentLinkCall {
  type: AgentLinkCallType;
  /** Set on every call but a first REGISTER. */
  agent_id?: ID;
  register?: {
    agent_info: AgentInfo;
    /** `slave(1)@ip:port` */
    pid: string;
    version: string;
    capabilities: Array<{ type: AgentCapabilityType }>;
    /** On re-registration: what the agent still runs, so the master can reconcile. */
    tasks?: Task[];
    executors?: Array<ExecutorInfo & { framework_id: ID }>;
    frameworks?: FrameworkInfo[];
  };
  status_update?: {
    framework_id: ID;
    /** Carries `uuid`; the agent resends it until the master relays the framework's ACKNOWLEDGE. */
    status: TaskStatus;
    /** The newest state the agent knows for the task, which can be ahead of `status`. */
    latest_state?: TaskStatus["state"];
  };
  executor_exited?: { framework_id: ID; executor_id: ID; status: number };
  executor_message?: { framework_id: ID; executor_id: ID; data: string };
}

export type AgentLinkEventType =
  | "REGISTERED"
  | "RUN_TASK"
  | "KILL_TASK"
  | "ACKNOWLEDGE"
  | "SHUTDOWN_FRAMEWORK"
  | "SHUTDOWN_EXECUTOR"
  | "FRAMEWORK_MESSAGE"
  | "UPDATE_FRAMEWORK"
  | "PING"
  | "SHUTDOWN";

export interface AgentLinkEvent {
  type: AgentLinkEventType;
  registered?: { agent_id: ID; master_info: MasterInfo; ping_interval_seconds: number };
  /** Exactly one of `task` (with its own `command` or `executor`) or `executor` + `task_group`. */
  run_task?: {
    framework: FrameworkInfo;
    task?: TaskInfo;
    executor?: ExecutorInfo;
    task_group?: TaskGroupInfo;
  };
  kill_task?: { framework_id: ID; task_id: ID; kill_policy?: KillPolicy };
  acknowledge?: { framework_id: ID; task_id: ID; uuid: string };
  shutdown_framework?: { framework_id: ID };
  shutdown_executor?: { framework_id: ID; executor_id: ID };
  framework_message?: { framework_id: ID; executor_id: ID; data: string };
  update_framework?: { framework_info: FrameworkInfo };
  shutdown?: { message: string };
}
