import type { AgentInfo } from "./agent-info.js";
import type { KillPolicy } from "./command.js";
import type { FrameworkInfo } from "./framework.js";
import type { ID } from "./ids.js";
import type { ExecutorInfo, TaskGroupInfo, TaskInfo, TaskStatus } from "./task.js";

export type ExecutorCallType = "SUBSCRIBE" | "UPDATE" | "MESSAGE" | "HEARTBEAT";

export interface ExecutorCall {
  type: ExecutorCallType;
  executor_id: ID;
  framework_id: ID;
  subscribe?: { unacknowledged_tasks?: TaskInfo[]; unacknowledged_updates?: Array<{ status: TaskStatus }> };
  update?: { status: TaskStatus };
  message?: { data: string };
}

export type ExecutorEventType =
  | "SUBSCRIBED"
  | "LAUNCH"
  | "LAUNCH_GROUP"
  | "KILL"
  | "ACKNOWLEDGED"
  | "MESSAGE"
  | "ERROR"
  | "SHUTDOWN"
  | "HEARTBEAT";

export interface ExecutorEvent {
  type: ExecutorEventType;
  subscribed?: {
    executor_info: ExecutorInfo;
    framework_info: FrameworkInfo;
    agent_info: AgentInfo;
    container_id?: { value: string };
  };
  launch?: { task: TaskInfo };
  launch_group?: { task_group: TaskGroupInfo };
  kill?: { task_id: ID; kill_policy?: KillPolicy };
  acknowledged?: { task_id: ID; uuid: string };
  message?: { data: string };
  error?: { message: string };
}
