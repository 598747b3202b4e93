import type { TaskState } from "../mesos/task-state.js";

/** Resource summaries as the legacy endpoints print them: `cpus`, `mem`, `disk`, `gpus`, `ports` ("[31000-31999]"). */
export interface ResourceSummary {
  cpus?: number;
  mem?: number;
  disk?: number;
  gpus?: number;
  ports?: string;
  [name: string]: number | string | undefined;
}

/** One entry of a task's `statuses`. */
export interface LegacyTaskStatus {
  state: TaskState;
  timestamp: number;
  healthy?: boolean;
  labels?: Array<{ key: string; value?: string }>;
  container_status?: Record<string, unknown>;
}

/** A task in `/master/state` (and in the agent's `/state`). */
export interface MasterTask {
  id: string;
  name: string;
  framework_id: string;
  executor_id: string;
  slave_id: string;
  state: TaskState;
  resources: ResourceSummary;
  role?: string;
  statuses: LegacyTaskStatus[];
  user?: string;
  labels?: Array<{ key: string; value?: string }>;
  discovery?: {
    name?: string;
    ports?: { ports?: Array<{ number: number; name?: string; protocol?: string }> };
    [field: string]: unknown;
  };
  container?: Record<string, unknown>;
  health_check?: Record<string, unknown>;
}

export interface MasterExecutor {
  executor_id: string;
  name: string;
  framework_id: string;
  slave_id: string;
  command: { value?: string; shell?: boolean; argv: string[]; uris: Array<{ value: string }> };
  resources: ResourceSummary;
  role?: string;
  type?: string;
}

export interface MasterOffer {
  id: string;
  framework_id: string;
  slave_id: string;
  allocation_info: { role: string };
  resources: ResourceSummary;
}

/** A framework in `/master/state` `frameworks` or `completed_frameworks`. */
export interface MasterFramework {
  id: string;
  name: string;
  user: string;
  role?: string;
  roles?: string[];
  principal?: string;
  hostname: string;
  webui_url: string;
  active: boolean;
  connected: boolean;
  recovered: boolean;
  failover_timeout: number;
  checkpoint: boolean;
  capabilities: string[];
  registered_time: number;
  reregistered_time?: number;
  unregistered_time: number;
  used_resources: ResourceSummary;
  offered_resources: ResourceSummary;
  resources: ResourceSummary;
  tasks: MasterTask[];
  unreachable_tasks: MasterTask[];
  completed_tasks: MasterTask[];
  offers: MasterOffer[];
  executors: MasterExecutor[];
  labels?: Array<{ key: string; value?: string }>;
}

/** An agent in `/master/state` `slaves` (and `/master/slaves`). */
export interface MasterAgent {
  id: string;
  pid: string;
  hostname: string;
  port: number;
  attributes: Record<string, string | number>;
  registered_time: number;
  reregistered_time?: number;
  resources: ResourceSummary;
  used_resources: ResourceSummary;
  offered_resources: ResourceSummary;
  reserved_resources: Record<string, ResourceSummary>;
  unreserved_resources: ResourceSummary;
  active: boolean;
  deactivated: boolean;
  version: string;
  capabilities: string[];
}

/** The master's legacy `/master/state` JSON, as far as tests read it. */
export interface MasterState {
  version: string;
  git_sha?: string;
  git_tag?: string;
  build_date?: string;
  build_time?: number;
  build_user?: string;
  start_time: number;
  elected_time: number;
  id: string;
  pid: string;
  hostname: string;
  capabilities: string[];
  activated_slaves: number;
  deactivated_slaves: number;
  unreachable_slaves: number;
  leader: string;
  leader_info: { id: string; pid: string; port: number; hostname: string };
  cluster?: string;
  log_dir?: string;
  flags: Record<string, string>;
  slaves: MasterAgent[];
  recovered_slaves: unknown[];
  frameworks: MasterFramework[];
  completed_frameworks: MasterFramework[];
  orphan_tasks: MasterTask[];
  unregistered_frameworks: string[];
}
