import { cpus, freemem, loadavg, totalmem } from "node:os";
import { addResources, scalarOf } from "../mesos/resources.js";
import type { MasterContext } from "./context.js";
import { agentUsed } from "./state/usage.js";

const LIVE_STATES = ["staging", "starting", "running", "killing", "unreachable"];
const TERMINAL_STATES = [
  "finished",
  "failed",
  "killed",
  "lost",
  "error",
  "dropped",
  "gone",
  "gone_by_operator",
];

function percentiles(values: readonly number[], prefix: string, out: Record<string, number>): void {
  if (values.length === 0) return;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  out[prefix] = sorted[sorted.length - 1]!;
  out[`${prefix}/count`] = sorted.length;
  out[`${prefix}/min`] = sorted[0]!;
  out[`${prefix}/max`] = sorted[sorted.length - 1]!;
  for (const [name, q] of [
    ["p50", 0.5],
    ["p90", 0.9],
    ["p95", 0.95],
    ["p99", 0.99],
    ["p999", 0.999],
    ["p9999", 0.9999],
  ] as const)
    out[`${prefix}/${name}`] = at(q);
}

function allocatorMetrics(ctx: MasterContext, out: Record<string, number>): void {
  const m = ctx.allocator.metrics();
  out["allocator/mesos/allocation_runs"] = m.allocationRuns;
  out["allocator/mesos/allocation_run_errors"] = m.allocationErrors;
  percentiles(m.allocationRunMs, "allocator/mesos/allocation_run_ms", out);
  out["allocator/mesos/event_queue_dispatches"] = 0;
  for (const [name, value] of Object.entries(m.totals))
    out[`allocator/mesos/resources/${name}/total`] = value;
  for (const [name, value] of Object.entries(m.offeredOrAllocated))
    out[`allocator/mesos/resources/${name}/offered_or_allocated`] = value;
  for (const [role, share] of Object.entries(m.dominantShares))
    out[`allocator/mesos/roles/${role}/shares/dominant`] = share;
  for (const [role, count] of Object.entries(m.activeFilters))
    out[`allocator/mesos/offer_filters/roles/${role}/active`] = count;
}

function masterMetrics(ctx: MasterContext, out: Record<string, number>): void {
  const c = ctx.counters;
  const agents = ctx.agents.all();
  const frameworks = ctx.frameworks.all();
  out["master/elected"] = ctx.leadership.isLeader ? 1 : 0;
  out["master/uptime_secs"] = Date.now() / 1000 - ctx.startTime;
  out["master/slaves_active"] = agents.filter((a) => a.active).length;
  out["master/slaves_inactive"] = agents.filter((a) => !a.active).length;
  out["master/slaves_connected"] = agents.filter((a) => a.stream).length;
  out["master/slaves_disconnected"] = agents.filter((a) => !a.stream).length;
  out["master/slaves_unreachable"] = ctx.agents.unreachable.size;
  out["master/slave_registrations"] = c.slaveRegistrations;
  out["master/slave_reregistrations"] = c.slaveReregistrations;
  out["master/slave_removals"] = c.slaveRemovals;
  out["master/slave_removals/reason_registered"] = 0;
  out["master/slave_removals/reason_unhealthy"] = c.slaveRemovalsUnhealthy;
  out["master/slave_removals/reason_unregistered"] = c.slaveRemovalsUnregistered;
  out["master/slave_unreachable_scheduled"] = c.slaveUnreachableScheduled;
  out["master/slave_unreachable_completed"] = c.slaveUnreachableCompleted;
  out["master/slave_unreachable_canceled"] = c.slaveUnreachableCanceled;
  out["master/frameworks_active"] = frameworks.filter((f) => f.active).length;
  out["master/frameworks_inactive"] = frameworks.filter((f) => !f.active).length;
  out["master/frameworks_connected"] = frameworks.filter((f) => f.connected).length;
  out["master/frameworks_disconnected"] = frameworks.filter((f) => !f.connected).length;
  out["master/outstanding_offers"] = ctx.offers.size;
  const live = frameworks.flatMap((f) => [...f.tasks.values(), ...f.unreachableTasks.values()]);
  for (const state of LIVE_STATES)
    out[`master/tasks_${state}`] = live.filter((t) => t.state === `TASK_${state.toUpperCase()}`).length;
  for (const state of TERMINAL_STATES)
    out[`master/tasks_${state}`] = c.terminalTasks.get(`TASK_${state.toUpperCase()}`) ?? 0;
  const total = addResources(agents.flatMap((a) => a.total));
  const used = addResources(agents.flatMap((a) => agentUsed(ctx, a.id)));
  for (const name of ["cpus", "mem", "disk", "gpus"]) {
    const t = scalarOf(total, name);
    const u = scalarOf(used, name);
    out[`master/${name}_total`] = t;
    out[`master/${name}_used`] = u;
    out[`master/${name}_percent`] = t > 0 ? u / t : 0;
    out[`master/${name}_revocable_total`] = 0;
    out[`master/${name}_revocable_used`] = 0;
    out[`master/${name}_revocable_percent`] = 0;
  }
  for (const [name, count] of c.messages) out[`master/messages_${name}`] = count;
  out["master/valid_status_updates"] = c.validStatusUpdates;
  out["master/invalid_status_updates"] = c.invalidStatusUpdates;
  out["master/valid_status_update_acknowledgements"] = c.validAcknowledgements;
  out["master/invalid_status_update_acknowledgements"] = c.invalidAcknowledgements;
  out["master/dropped_messages"] = c.droppedMessages;
  out["master/event_queue_messages"] = 0;
  out["master/event_queue_dispatches"] = 0;
  out["master/event_queue_http_requests"] = 0;
  out["master/operator_event_stream_subscribers"] = ctx.operatorEvents.count;
}

function systemMetrics(out: Record<string, number>): void {
  const [l1, l5, l15] = loadavg();
  out["system/cpus_total"] = cpus().length;
  out["system/load_1min"] = l1 ?? 0;
  out["system/load_5min"] = l5 ?? 0;
  out["system/load_15min"] = l15 ?? 0;
  out["system/mem_total_bytes"] = totalmem();
  out["system/mem_free_bytes"] = freemem();
}

/** The flat `/metrics/snapshot` object: master/*, allocator/mesos/* and system/* keys. */
export function metricsSnapshot(ctx: MasterContext): Record<string, number> {
  const out: Record<string, number> = {};
  masterMetrics(ctx, out);
  allocatorMetrics(ctx, out);
  systemMetrics(out);
  out["registrar/log/recovered"] = 1;
  return out;
}
