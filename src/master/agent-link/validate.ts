import type { AgentLinkCall } from "../../mesos/agent-link-protocol.js";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown): boolean => isObject(v) && typeof v.value === "string";

/** Checks the shape of an agent link call; returns an error text or the call. */
export function validateAgentLinkCall(body: unknown): string | AgentLinkCall {
  if (!isObject(body)) return "Expecting a JSON object";
  if (body.agent_id !== undefined && !isId(body.agent_id)) return "'agent_id' must be an ID";
  switch (body.type) {
    case "REGISTER": {
      const reg = body.register;
      if (!isObject(reg)) return "Expecting 'register' to be present";
      const info = reg.agent_info;
      if (!isObject(info) || typeof info.hostname !== "string" || !Array.isArray(info.resources))
        return "Expecting 'register.agent_info' with 'hostname' and 'resources'";
      if (typeof reg.pid !== "string") return "Expecting 'register.pid' to be present";
      if (reg.tasks !== undefined && !Array.isArray(reg.tasks)) return "'register.tasks' must be an array";
      return { ...body, register: { version: "", capabilities: [], ...reg } } as unknown as AgentLinkCall;
    }
    case "STATUS_UPDATE": {
      const update = body.status_update;
      if (!isObject(update) || !isId(update.framework_id) || !isObject(update.status))
        return "Expecting 'status_update' with 'framework_id' and 'status'";
      if (!isId(update.status.task_id) || typeof update.status.state !== "string")
        return "Expecting 'status_update.status' with 'task_id' and 'state'";
      break;
    }
    case "EXECUTOR_EXITED": {
      const e = body.executor_exited;
      if (!isObject(e) || !isId(e.framework_id) || !isId(e.executor_id))
        return "Expecting 'executor_exited' with 'framework_id' and 'executor_id'";
      break;
    }
    case "EXECUTOR_MESSAGE": {
      const m = body.executor_message;
      if (!isObject(m) || !isId(m.framework_id) || !isId(m.executor_id) || typeof m.data !== "string")
        return "Expecting 'executor_message' with 'framework_id', 'executor_id' and 'data'";
      break;
    }
    default:
      return `Unknown call type '${String(body.type)}'`;
  }
  if (!isId(body.agent_id)) return "Expecting 'agent_id' to be present";
  return body as unknown as AgentLinkCall;
}
