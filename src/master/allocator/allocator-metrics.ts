import type { AllocatorMetrics } from "./allocator.js";
import { roleShares } from "./drf-sorter.js";
import type { RefuseFilters } from "./refuse-filters.js";
import type { RunStats } from "./run-stats.js";
import type { Quantities } from "./scalar-quantities.js";
import type { ShareLedger } from "./share-ledger.js";

/** Always reported, even when no agent has them (Mesos lists these four). */
const STANDARD_SCALARS = ["cpus", "mem", "disk", "gpus"];

function asRecord(quantities: Quantities): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of STANDARD_SCALARS) out[name] = 0;
  for (const [name, value] of quantities) out[name] = value;
  return out;
}

export interface MetricsSources {
  stats: RunStats;
  ledger: ShareLedger;
  filters: RefuseFilters;
  /** Roles frameworks are subscribed to. */
  subscribedRoles: Iterable<string>;
  weightOf: (role: string) => number;
}

export function collectMetrics(sources: MetricsSources): AllocatorMetrics {
  const { ledger } = sources;
  const shares = roleShares({
    candidates: new Set(sources.subscribedRoles),
    allocations: ledger.byRole,
    totals: ledger.totals,
    weightOf: sources.weightOf,
  });
  return {
    allocationRuns: sources.stats.runs,
    allocationErrors: sources.stats.errors,
    allocationRunMs: sources.stats.recentDurations(),
    dominantShares: Object.fromEntries(shares),
    activeFilters: sources.filters.activeByRole(),
    totals: asRecord(ledger.totals),
    offeredOrAllocated: asRecord(ledger.allocated()),
  };
}
