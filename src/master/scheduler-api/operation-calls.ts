import type { ID } from "../../mesos/ids.js";
import type { MasterContext } from "../context.js";
import { ACCEPTED, type CallHandler } from "./call-result.js";

type OperationState =
  "OPERATION_UNKNOWN" | "OPERATION_RECOVERING" | "OPERATION_UNREACHABLE" | "OPERATION_GONE_BY_OPERATOR";

/**
 * The state Mesos reconciles an operation the master does not know to: by what it knows of the agent the
 * framework names. (This master keeps no offer operations with feedback, so every operation is unknown.)
 */
function unknownOperationState(ctx: MasterContext, agentId: ID | undefined): OperationState {
  if (agentId === undefined || ctx.agents.get(agentId.value)) return "OPERATION_UNKNOWN";
  if (ctx.agents.recovered.has(agentId.value)) return "OPERATION_RECOVERING";
  if (ctx.agents.unreachable.has(agentId.value)) return "OPERATION_UNREACHABLE";
  if (ctx.agents.gone.has(agentId.value)) return "OPERATION_GONE_BY_OPERATOR";
  return "OPERATION_UNKNOWN";
}

/** RECONCILE_OPERATIONS: one UPDATE_OPERATION_STATUS per operation named (none known, so none for an empty list). */
export const reconcileOperations: CallHandler = (ctx, framework, call) => {
  ctx.counters.count("reconcile_operations");
  for (const { operation_id, agent_id } of call.reconcile_operations?.operations ?? [])
    framework.connection?.stream.send({
      type: "UPDATE_OPERATION_STATUS",
      update_operation_status: {
        status: {
          operation_id,
          state: unknownOperationState(ctx, agent_id),
          ...(agent_id ? { agent_id } : {}),
        },
      },
    });
  return ACCEPTED;
};
