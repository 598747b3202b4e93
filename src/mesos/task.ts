import type { CommandInfo, DurationInfo, KillPolicy } from "./command.js";
import type { CheckInfo, HealthCheck } from "./health-check.js";
import type { ID } from "./ids.js";
import type { Labels } from "./labels.js";
import type { Resource } from "./resource.js";
import type { TaskState, TaskStatusReason, TaskStatusSource } from "./task-state.js";

export type ContainerInfo = Record<string, unknown> & { type?: "DOCKER" | "MESOS" };

export interface ExecutorInfo {
  type?: "DEFAULT" | "CUSTOM" | "UNKNOWN";
  executor_id: ID;
  framework_id?: ID;
  command?: CommandInfo;
  container?: ContainerInfo;
  resources?: Resource[];
  name?: string;
  source?: string;
  data?: string;
  discovery?: Record<string, unknown>;
  shutdown_grace_period?: DurationInfo;
  labels?: Labels;
}

export interface TaskInfo {
  name: string;
  task_id: ID;
  agent_id: ID;
  resources?: Resource[];
  executor?: ExecutorInfo;
  command?: CommandInfo;
  container?: ContainerInfo;
  health_check?: HealthCheck;
  check?: CheckInfo;
  kill_policy?: KillPolicy;
  max_completion_time?: DurationInfo;
  data?: string;
  labels?: Labels;
  discovery?: Record<string, unknown>;
  limits?: Record<string, number | string>;
}

export interface TaskGroupInfo {
  tasks: TaskInfo[];
}

export interface NetworkInfo {
  ip_addresses?: Array<{ protocol?: "IPv4" | "IPv6"; ip_address?: string }>;
  name?: string;
  groups?: string[];
  labels?: Labels;
  port_mappings?: Array<{ host_port: number; container_port: number; protocol?: string }>;
}

export interface ContainerStatus {
  container_id?: { value: string; parent?: { value: string } };
  network_infos?: NetworkInfo[];
  executor_pid?: number;
}

export interface TaskStatus {
  task_id: ID;
  state: TaskState;
  message?: string;
  source?: TaskStatusSource;
  reason?: TaskStatusReason;
  data?: string;
  agent_id?: ID;
  executor_id?: ID;
  timestamp?: number;
  uuid?: string;
  healthy?: boolean;
  check_status?: Record<string, unknown>;
  labels?: Labels;
  container_status?: ContainerStatus;
  unreachable_time?: DurationInfo;
  limitation?: { resources: Resource[] };
}

/** The v1 `Task` message (operator API, agent state). */
export interface Task {
  name: string;
  task_id: ID;
  framework_id: ID;
  executor_id?: ID;
  agent_id: ID;
  state: TaskState;
  resources: Resource[];
  statuses: TaskStatus[];
  status_update_state?: TaskState;
  status_update_uuid?: string;
  labels?: Labels;
  discovery?: Record<string, unknown>;
  container?: ContainerInfo;
  health_check?: HealthCheck;
  kill_policy?: KillPolicy;
  user?: string;
  limits?: Record<string, unknown>;
}

export const nowSeconds = (): number => Date.now() / 1000;

/**
 * Adds a status to a task's history as Mesos does: a status of the same state as the last one replaces it,
 * so a task whose health flips for days keeps a bounded history.
 */
export function appendStatus(statuses: TaskStatus[], status: TaskStatus): void {
  if (statuses.at(-1)?.state === status.state) statuses[statuses.length - 1] = status;
  else statuses.push(status);
}
