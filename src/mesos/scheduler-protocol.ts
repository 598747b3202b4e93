import type { FrameworkInfo } from "./framework.js";
import type { ID } from "./ids.js";
import type { MasterInfo } from "./master-info.js";
import type { Filters, Offer, OfferOperation } from "./offer.js";
import type { Resource } from "./resource.js";
import type { KillPolicy } from "./command.js";
import type { TaskStatus } from "./task.js";

export type SchedulerCallType =
  | "SUBSCRIBE"
  | "TEARDOWN"
  | "ACCEPT"
  | "DECLINE"
  | "ACCEPT_INVERSE_OFFERS"
  | "DECLINE_INVERSE_OFFERS"
  | "REVIVE"
  | "KILL"
  | "SHUTDOWN"
  | "ACKNOWLEDGE"
  | "ACKNOWLEDGE_OPERATION_STATUS"
  | "RECONCILE"
  | "RECONCILE_OPERATIONS"
  | "MESSAGE"
  | "REQUEST"
  | "SUPPRESS"
  | "UPDATE_FRAMEWORK";

export interface SchedulerCall {
  type: SchedulerCallType;
  framework_id?: ID;
  subscribe?: { framework_info: FrameworkInfo; suppressed_roles?: string[]; offer_constraints?: unknown };
  accept?: { offer_ids: ID[]; operations?: OfferOperation[]; filters?: Filters };
  decline?: { offer_ids: ID[]; filters?: Filters };
  accept_inverse_offers?: { inverse_offer_ids: ID[]; filters?: Filters };
  decline_inverse_offers?: { inverse_offer_ids: ID[]; filters?: Filters };
  revive?: { roles?: string[] };
  suppress?: { roles?: string[] };
  kill?: { task_id: ID; agent_id?: ID; kill_policy?: KillPolicy };
  shutdown?: { executor_id: ID; agent_id: ID };
  acknowledge?: { agent_id: ID; task_id: ID; uuid: string };
  acknowledge_operation_status?: { agent_id?: ID; operation_id: ID; uuid: string };
  reconcile?: { tasks?: Array<{ task_id: ID; agent_id?: ID }> };
  reconcile_operations?: { operations?: Array<{ operation_id: ID; agent_id?: ID }> };
  message?: { agent_id: ID; executor_id: ID; data: string };
  request?: { requests?: Array<{ agent_id?: ID; resources?: Resource[] }> };
  update_framework?: {
    framework_info: FrameworkInfo;
    suppressed_roles?: string[];
    offer_constraints?: unknown;
  };
}

export type SchedulerEventType =
  | "SUBSCRIBED"
  | "OFFERS"
  | "INVERSE_OFFERS"
  | "RESCIND"
  | "RESCIND_INVERSE_OFFER"
  | "UPDATE"
  | "UPDATE_OPERATION_STATUS"
  | "MESSAGE"
  | "FAILURE"
  | "ERROR"
  | "HEARTBEAT";

export interface SchedulerEvent {
  type: SchedulerEventType;
  subscribed?: { framework_id: ID; heartbeat_interval_seconds?: number; master_info?: MasterInfo };
  offers?: { offers: Offer[] };
  inverse_offers?: { inverse_offers: unknown[] };
  rescind?: { offer_id: ID };
  rescind_inverse_offer?: { inverse_offer_id: ID };
  update?: { status: TaskStatus };
  update_operation_status?: { status: Record<string, unknown> };
  message?: { agent_id: ID; executor_id: ID; data: string };
  failure?: { agent_id?: ID; executor_id?: ID; status?: number };
  error?: { message: string };
}
