import type { Attribute } from "./attributes.js";
import type { ID } from "./ids.js";
import type { Resource } from "./resource.js";
import type { ExecutorInfo, TaskGroupInfo, TaskInfo } from "./task.js";

export interface Offer {
  id: ID;
  framework_id: ID;
  agent_id: ID;
  hostname: string;
  url?: { scheme: string; address: { hostname: string; ip: string; port: number }; path: string };
  allocation_info?: { role: string };
  resources: Resource[];
  attributes?: Attribute[];
  executor_ids?: ID[];
  domain?: Record<string, unknown>;
}

export interface Filters {
  refuse_seconds?: number;
}

export type OperationType =
  | "LAUNCH"
  | "LAUNCH_GROUP"
  | "RESERVE"
  | "UNRESERVE"
  | "CREATE"
  | "DESTROY"
  | "GROW_VOLUME"
  | "SHRINK_VOLUME"
  | "CREATE_DISK"
  | "DESTROY_DISK"
  | "UNKNOWN";

export interface OfferOperation {
  type: OperationType;
  id?: ID;
  launch?: { task_infos: TaskInfo[] };
  launch_group?: { executor: ExecutorInfo; task_group: TaskGroupInfo };
  reserve?: { resources: Resource[]; source?: Resource[] };
  unreserve?: { resources: Resource[] };
  create?: { volumes: Resource[] };
  destroy?: { volumes: Resource[] };
}
