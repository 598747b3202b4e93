import type { SchedulerCall } from "../../mesos/scheduler-protocol.js";
import type { MasterContext } from "../context.js";
import type { FrameworkRecord } from "../state/framework-record.js";

export interface CallResult {
  status: number;
  body?: string;
}

export const ACCEPTED: CallResult = { status: 202 };

export type CallHandler = (ctx: MasterContext, framework: FrameworkRecord, call: SchedulerCall) => CallResult;
