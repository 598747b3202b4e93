import type { Resource } from "../../mesos/resource.js";

/** Scalar amounts by resource name (cpus, mem, disk, gpus, custom scalars): what DRF shares are made of. */
export type Quantities = Map<string, number>;

/** Scalars have three decimal digits of precision in Mesos. */
const round = (n: number): number => Math.round(n * 1000) / 1000;

export function quantitiesOf(resources: readonly Resource[]): Quantities {
  const out: Quantities = new Map();
  for (const r of resources) {
    if (r.type !== "SCALAR") continue;
    out.set(r.name, round((out.get(r.name) ?? 0) + (r.scalar?.value ?? 0)));
  }
  return out;
}

export function addQuantities(into: Quantities, add: Quantities): void {
  for (const [name, value] of add) into.set(name, round((into.get(name) ?? 0) + value));
}

/** Subtracts, never below zero, and drops names that reach zero. */
export function subtractQuantities(from: Quantities, cut: Quantities): void {
  for (const [name, value] of cut) {
    const left = round((from.get(name) ?? 0) - value);
    if (left > 0) from.set(name, left);
    else from.delete(name);
  }
}

/** The largest fraction of any kind of the totals that `allocated` holds (0 when nothing is allocated). */
export function dominantShare(allocated: Quantities | undefined, totals: Quantities): number {
  if (!allocated) return 0;
  let share = 0;
  for (const [name, value] of allocated) {
    const total = totals.get(name) ?? 0;
    if (total > 0) share = Math.max(share, value / total);
  }
  return share;
}
