import type { ExecutorCall } from "../../mesos/executor-protocol.js";
import { isStatusUuid } from "../../mesos/ids.js";
import { parseCallEnvelope } from "../../mesos/call-envelope.js";

const CALL_TYPES = new Set(["SUBSCRIBE", "UPDATE", "MESSAGE", "HEARTBEAT"]);

/** Mesos's executor Call validation; the message goes after "Failed to validate Executor::Call: ". */
export function executorCallProblem(call: ExecutorCall): string | undefined {
  if (!call.type) return "Expecting 'type' to be present";
  if (!call.executor_id?.value) return "Expecting 'executor_id' to be present";
  if (!call.framework_id?.value) return "Expecting 'framework_id' to be present";
  const who = `executor ${call.executor_id.value} of framework ${call.framework_id.value}`;
  switch (call.type) {
    case "UPDATE": {
      const status = call.update?.status;
      if (!status) return "Expecting 'update' to be present";
      if (status.uuid === undefined) return "Expecting 'uuid' to be present";
      if (!isStatusUuid(status.uuid)) return "Invalid UUID: expecting 16 bytes";
      if (status.executor_id && status.executor_id.value !== call.executor_id.value)
        return `ExecutorID in Call: ${call.executor_id.value} does not match ExecutorID in TaskStatus: ${status.executor_id.value}`;
      if (status.source !== "SOURCE_EXECUTOR")
        return `Received Call from ${who} with invalid source, expecting 'SOURCE_EXECUTOR'`;
      if (status.state === "TASK_STAGING") return `Received TASK_STAGING from ${who} which is not allowed`;
      return undefined;
    }
    case "MESSAGE":
      return call.message ? undefined : "Expecting 'message' to be present";
    default:
      return undefined;
  }
}

/** Parses a call body; a string (the 400 text) when it is not a JSON object with a known type. */
export function parseExecutorCall(text: string): ExecutorCall | string {
  const parsed = parseCallEnvelope(text, (type) => CALL_TYPES.has(type), "Executor::Call");
  return "error" in parsed ? parsed.error : (parsed.call as unknown as ExecutorCall);
}
