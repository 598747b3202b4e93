import type { Resource } from "../../mesos/resource.js";
import { rangesContain } from "../../mesos/ranges.js";
import { resourceKey } from "../../mesos/resources.js";

const round = (n: number): number => Math.round(n * 1000) / 1000;

function holds(have: Resource, want: Resource): boolean {
  if (have.type === "SCALAR") return round(have.scalar?.value ?? 0) >= round(want.scalar?.value ?? 0);
  if (have.type === "RANGES") return rangesContain(have.ranges?.range ?? [], want.ranges?.range ?? []);
  if (have.type === "SET") return (want.set?.item ?? []).every((i) => have.set?.item.includes(i));
  return true;
}

/**
 * What a framework refused, indexed for the filter test that runs on every allocation pass. Same answer as
 * `containsResources(refused, offerable)` for combined lists (one entry per key, as `addResources` makes
 * them), but without copying either side.
 */
export class RefusedResources {
  private readonly byKey = new Map<string, Resource>();

  constructor(refused: readonly Resource[]) {
    for (const r of refused) this.byKey.set(resourceKey(r), r);
  }

  covers(offerable: readonly Resource[]): boolean {
    return offerable.every((want) => {
      const have = this.byKey.get(resourceKey(want));
      return have !== undefined && holds(have, want);
    });
  }
}
