import { isStatusUuid } from "../../mesos/ids.js";
import type { SchedulerCall, SchedulerCallType } from "../../mesos/scheduler-protocol.js";

export const CALL_BODY_FIELD: Record<SchedulerCallType, keyof SchedulerCall | undefined> = {
  SUBSCRIBE: "subscribe",
  TEARDOWN: undefined,
  ACCEPT: "accept",
  DECLINE: "decline",
  ACCEPT_INVERSE_OFFERS: "accept_inverse_offers",
  DECLINE_INVERSE_OFFERS: "decline_inverse_offers",
  REVIVE: undefined,
  KILL: "kill",
  SHUTDOWN: "shutdown",
  ACKNOWLEDGE: "acknowledge",
  ACKNOWLEDGE_OPERATION_STATUS: "acknowledge_operation_status",
  RECONCILE: "reconcile",
  RECONCILE_OPERATIONS: "reconcile_operations",
  MESSAGE: "message",
  REQUEST: "request",
  SUPPRESS: undefined,
  UPDATE_FRAMEWORK: "update_framework",
};

export type ParsedCallType = SchedulerCallType | "UNKNOWN";

export const isKnownCallType = (type: unknown): type is ParsedCallType =>
  typeof type === "string" && (type === "UNKNOWN" || Object.hasOwn(CALL_BODY_FIELD, type));

/** Mesos's scheduler::call::validate: the error text that follows "Failed to validate scheduler::Call: ". */
export function validateSchedulerCall(call: SchedulerCall & { type: unknown }): string | undefined {
  // An unknown enum name on an optional field is dropped by the JSON conversion, so the type is then absent.
  if (!isKnownCallType(call.type)) return "Expecting 'type' to be present";
  if (call.type === "SUBSCRIBE") {
    if (!call.subscribe) return "Expecting 'subscribe' to be present";
    const infoId = call.subscribe.framework_info.id?.value;
    if (call.framework_id && call.framework_id.value !== infoId)
      return "'framework_id' differs from 'subscribe.framework_info.id'";
    return undefined;
  }
  if (!call.framework_id) return "Expecting 'framework_id' to be present";
  if ((call.type as string) === "UNKNOWN") return undefined;
  const field = CALL_BODY_FIELD[call.type];
  if (field && call[field] === undefined) return `Expecting '${field}' to be present`;
  if (call.type === "ACKNOWLEDGE" && !isStatusUuid(call.acknowledge?.uuid)) return "Not a valid UUID";
  if (call.type === "ACKNOWLEDGE_OPERATION_STATUS") {
    if (!call.acknowledge_operation_status?.agent_id) return "Expecting 'agent_id' to be present";
    if (!isStatusUuid(call.acknowledge_operation_status.uuid)) return "Not a valid UUID";
  }
  if (call.type === "UPDATE_FRAMEWORK") {
    const infoId = call.update_framework?.framework_info.id?.value;
    if (infoId !== call.framework_id.value)
      return "'framework_id' differs from 'update_framework.framework_info.id'";
  }
  return undefined;
}
