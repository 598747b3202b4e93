import type { ID } from "./ids.js";
import type { Labels } from "./labels.js";

export type FrameworkCapabilityType =
  | "REVOCABLE_RESOURCES"
  | "TASK_KILLING_STATE"
  | "GPU_RESOURCES"
  | "SHARED_RESOURCES"
  | "PARTITION_AWARE"
  | "MULTI_ROLE"
  | "RESERVATION_REFINEMENT"
  | "REGION_AWARE";

export interface FrameworkInfo {
  user: string;
  name: string;
  id?: ID;
  failover_timeout?: number;
  checkpoint?: boolean;
  role?: string;
  roles?: string[];
  hostname?: string;
  principal?: string;
  webui_url?: string;
  capabilities?: Array<{ type: FrameworkCapabilityType }>;
  labels?: Labels;
  offer_filters?: Record<string, unknown>;
}

export const hasCapability = (info: FrameworkInfo, type: FrameworkCapabilityType): boolean =>
  (info.capabilities ?? []).some((c) => c.type === type);

/** The roles a framework subscribes with: `roles` for MULTI_ROLE frameworks, else the legacy `role` (default `*`). */
export const frameworkRoles = (info: FrameworkInfo): string[] =>
  hasCapability(info, "MULTI_ROLE") ? (info.roles ?? []) : [info.role ?? "*"];
