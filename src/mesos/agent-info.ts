import type { Attribute } from "./attributes.js";
import type { ID } from "./ids.js";
import type { Resource } from "./resource.js";

export interface AgentInfo {
  hostname: string;
  port?: number;
  resources: Resource[];
  attributes?: Attribute[];
  id?: ID;
  domain?: Record<string, unknown>;
}

export type AgentCapabilityType =
  | "MULTI_ROLE"
  | "HIERARCHICAL_ROLE"
  | "RESERVATION_REFINEMENT"
  | "RESOURCE_PROVIDER"
  | "RESIZE_VOLUME"
  | "AGENT_OPERATION_FEEDBACK"
  | "AGENT_DRAINING"
  | "TASK_RESOURCE_LIMITS";

export const AGENT_CAPABILITIES: AgentCapabilityType[] = [
  "MULTI_ROLE",
  "HIERARCHICAL_ROLE",
  "RESERVATION_REFINEMENT",
  "AGENT_OPERATION_FEEDBACK",
  "AGENT_DRAINING",
  "TASK_RESOURCE_LIMITS",
];
