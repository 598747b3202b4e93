import { describe, expect, it } from "vitest";
import type { Resource } from "../../mesos/resource.js";
import { addResources, containsResources } from "../../mesos/resources.js";
import { ResourceCover } from "./resource-cover.js";

/** A small deterministic generator (LCG), so a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

function randomResources(next: (n: number) => number): Resource[] {
  const out: Resource[] = [];
  if (next(3) > 0) out.push({ name: "cpus", type: "SCALAR", scalar: { value: next(8) / 2 } });
  if (next(3) > 0) out.push({ name: "mem", type: "SCALAR", scalar: { value: next(4) * 256 } });
  if (next(2) > 0)
    out.push({
      name: "cpus",
      type: "SCALAR",
      scalar: { value: 1 },
      role: "web",
      reservations: [{ type: "STATIC", role: "web" }],
    });
  if (next(2) > 0) {
    const begin = 31000 + next(10);
    out.push({ name: "ports", type: "RANGES", ranges: { range: [{ begin, end: begin + next(5) }] } });
  }
  if (next(4) === 0) out.push({ name: "bugs", type: "SET", set: { item: ["a", "b", "c"].slice(next(3)) } });
  return addResources(out);
}

describe("ResourceCover", () => {
  it("answers like containsResources on combined lists", () => {
    const next = generator(42);
    let covered = 0;
    for (let i = 0; i < 2_000; i++) {
      const outer = randomResources(next);
      const inner = randomResources(next);
      const expected = containsResources(outer, inner);
      expect(new ResourceCover(outer).covers(inner), JSON.stringify({ outer, inner })).toBe(expected);
      if (expected) covered++;
    }
    expect(covered).toBeGreaterThan(50);
  });

  it("handles ranges that are not normalized", () => {
    const outer: Resource[] = [
      {
        name: "ports",
        type: "RANGES",
        ranges: {
          range: [
            { begin: 5, end: 9 },
            { begin: 1, end: 4 },
          ],
        },
      },
    ];
    const inner: Resource[] = [{ name: "ports", type: "RANGES", ranges: { range: [{ begin: 3, end: 6 }] } }];
    expect(new ResourceCover(outer).covers(inner)).toBe(true);
  });
});
