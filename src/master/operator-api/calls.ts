import type { MasterContext } from "../context.js";
import { markAgentGone } from "../core/agents.js";
import { removeFramework } from "../core/frameworks.js";
import { BUILD_INFO } from "../build-info.js";
import { metricsSnapshot } from "../metrics-snapshot.js";
import { roleSummaries } from "./roles.js";
import { getAgents, getExecutors, getFrameworks, getState, getTasks } from "./views.js";

export type OperatorCall = { type: string } & Record<string, unknown>;
export type OperatorResult = { status: number; json?: unknown; text?: string };

const ok = (type: string, body: unknown): OperatorResult => ({
  status: 200,
  json: { type, [type.toLowerCase()]: body },
});

type Handler = (ctx: MasterContext, call: OperatorCall) => OperatorResult;

const idOf = (v: unknown): string | undefined =>
  typeof v === "object" && v !== null && typeof (v as { value?: unknown }).value === "string"
    ? (v as { value: string }).value
    : undefined;

export const OPERATOR_HANDLERS: Record<string, Handler> = {
  GET_HEALTH: () => ok("GET_HEALTH", { healthy: true }),
  GET_FLAGS: (ctx) =>
    ok("GET_FLAGS", { flags: Object.entries(ctx.options.flags).map(([name, value]) => ({ name, value })) }),
  GET_VERSION: () => ok("GET_VERSION", { version_info: BUILD_INFO }),
  GET_METRICS: (ctx) =>
    ok("GET_METRICS", {
      metrics: Object.entries(metricsSnapshot(ctx)).map(([name, value]) => ({ name, value })),
    }),
  GET_STATE: (ctx) => ok("GET_STATE", getState(ctx)),
  GET_AGENTS: (ctx) => ok("GET_AGENTS", getAgents(ctx)),
  GET_FRAMEWORKS: (ctx) => ok("GET_FRAMEWORKS", getFrameworks(ctx)),
  GET_EXECUTORS: (ctx) => ok("GET_EXECUTORS", getExecutors(ctx)),
  GET_TASKS: (ctx) => ok("GET_TASKS", getTasks(ctx)),
  GET_OPERATIONS: () => ok("GET_OPERATIONS", { operations: [] }),
  GET_LOGGING_LEVEL: () => ok("GET_LOGGING_LEVEL", { level: 0 }),
  GET_QUOTA: () => ok("GET_QUOTA", { status: {} }),
  GET_MAINTENANCE_STATUS: () => ok("GET_MAINTENANCE_STATUS", { status: {} }),
  GET_MAINTENANCE_SCHEDULE: () => ok("GET_MAINTENANCE_SCHEDULE", { schedule: {} }),
  GET_ROLES: (ctx) =>
    ok("GET_ROLES", {
      roles: roleSummaries(ctx).map((r) => ({
        name: r.name,
        weight: r.weight,
        frameworks: r.frameworks.map((value) => ({ value })),
        resources: r.allocated,
      })),
    }),
  GET_MASTER: (ctx) =>
    ok("GET_MASTER", { master_info: ctx.info, start_time: ctx.startTime, elected_time: ctx.startTime }),
  GET_WEIGHTS: (ctx) =>
    ok("GET_WEIGHTS", {
      weight_infos: Object.entries(ctx.allocator.weights()).map(([role, weight]) => ({ weight, role })),
    }),
  UPDATE_WEIGHTS: (ctx, call) => {
    const infos = (call.update_weights as { weight_infos?: unknown } | undefined)?.weight_infos;
    if (!Array.isArray(infos))
      return {
        status: 400,
        text: "Failed to validate master::Call: Expecting 'update_weights' to be present",
      };
    const weights: Record<string, number> = {};
    for (const info of infos as Array<{ role?: unknown; weight?: unknown }>) {
      const weight = Number(info.weight);
      if (typeof info.role !== "string" || !(weight > 0))
        return { status: 400, text: "Weights must be positive and roles must be given" };
      weights[info.role] = weight;
    }
    ctx.allocator.setWeights(weights);
    return { status: 202 };
  },
  TEARDOWN: (ctx, call) => {
    const id = idOf((call.teardown as { framework_id?: unknown } | undefined)?.framework_id);
    if (id === undefined)
      return { status: 400, text: "Failed to validate master::Call: Expecting 'teardown' to be present" };
    const framework = ctx.frameworks.get(id);
    if (!framework) return { status: 400, text: "No framework found with specified ID" };
    removeFramework(ctx, framework);
    return { status: 200 };
  },
  MARK_AGENT_GONE: (ctx, call) => {
    const id = idOf((call.mark_agent_gone as { agent_id?: unknown } | undefined)?.agent_id);
    if (id === undefined)
      return {
        status: 400,
        text: "Failed to validate master::Call: Expecting 'mark_agent_gone' to be present",
      };
    return markAgentGone(ctx, id) ? { status: 200 } : { status: 404, text: "Agent not found" };
  },
};

/** Known master::Call types minimesos does not implement (maintenance, reservations, volumes, quota changes, ...). */
export const UNSUPPORTED_CALLS = new Set([
  "SET_LOGGING_LEVEL",
  "LIST_FILES",
  "READ_FILE",
  "RESERVE_RESOURCES",
  "UNRESERVE_RESOURCES",
  "CREATE_VOLUMES",
  "DESTROY_VOLUMES",
  "GROW_VOLUME",
  "SHRINK_VOLUME",
  "UPDATE_MAINTENANCE_SCHEDULE",
  "START_MAINTENANCE",
  "STOP_MAINTENANCE",
  "DRAIN_AGENT",
  "DEACTIVATE_AGENT",
  "REACTIVATE_AGENT",
  "UPDATE_QUOTA",
  "SET_QUOTA",
  "REMOVE_QUOTA",
  "UNKNOWN",
]);
