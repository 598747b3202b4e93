import type { Resource } from "../../mesos/resource.js";
import { rangesContain, type Range } from "../../mesos/ranges.js";
import { ownedResourceKey } from "./resource-keys.js";

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Sorted, merged and well formed, as the allocator's own resources always are. */
function isNormalized(ranges: readonly Range[]): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i] as Range;
    if (r.begin > r.end || (i > 0 && r.begin <= (ranges[i - 1] as Range).end + 1)) return false;
  }
  return true;
}

/** rangesContain without normalizing (allocating) when both sides are normalized already. */
function rangesHold(outer: readonly Range[], inner: readonly Range[]): boolean {
  if (!isNormalized(outer) || !isNormalized(inner)) return rangesContain(outer, inner);
  let i = 0;
  for (const r of inner) {
    while (i < outer.length && (outer[i] as Range).end < r.begin) i++;
    const o = outer[i];
    if (!o || o.begin > r.begin || o.end < r.end) return false;
  }
  return true;
}

function holds(have: Resource, want: Resource): boolean {
  if (have.type === "SCALAR") return round(have.scalar?.value ?? 0) >= round(want.scalar?.value ?? 0);
  if (have.type === "RANGES") return rangesHold(have.ranges?.range ?? [], want.ranges?.range ?? []);
  if (have.type === "SET") return (want.set?.item ?? []).every((i) => have.set?.item.includes(i));
  return true;
}

/**
 * A list of resources indexed for "does it hold all of these?", asked on every allocation pass by refuse
 * filters. Same answer as `containsResources(outer, inner)` when both lists are combined (one entry per key,
 * as `addResources` makes them), but copies neither side. With an uncombined `outer` it can only answer
 * "no" wrongly, never "yes".
 */
export class ResourceCover {
  private readonly byKey = new Map<string, Resource>();

  /** The default key function is only for resources the allocator owns (see ownedResourceKey). */
  constructor(outer: readonly Resource[], keyOf: (r: Resource) => string = ownedResourceKey) {
    for (const r of outer) this.byKey.set(keyOf(r), r);
  }

  /** `inner` must be owned by the allocator. */
  covers(inner: readonly Resource[]): boolean {
    return inner.every((want) => {
      const have = this.byKey.get(ownedResourceKey(want));
      return have !== undefined && holds(have, want);
    });
  }
}
