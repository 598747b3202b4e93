import { describe, expect, it } from "vitest";
import { orderRoles, roleShares } from "./drf-sorter.js";
import type { Quantities } from "./scalar-quantities.js";
import { ShareQueue } from "./share-queue.js";

const q = (entries: Record<string, number>): Quantities => new Map(Object.entries(entries));
const totals = q({ cpus: 10, mem: 1000 });

function order(candidates: string[], held: Record<string, Record<string, number>>, weights = {}) {
  const allocations = new Map(Object.entries(held).map(([role, h]) => [role, q(h)]));
  const weightOf = (role: string) => (weights as Record<string, number>)[role] ?? 1;
  return orderRoles({ candidates: new Set(candidates), allocations, totals, weightOf });
}

describe("orderRoles", () => {
  it("puts the lowest dominant share first, over all resource kinds", () => {
    // a holds 30% of the memory, b 20% of the cpus.
    expect(order(["a", "b"], { a: { cpus: 1, mem: 300 }, b: { cpus: 2, mem: 10 } })).toEqual(["b", "a"]);
  });

  it("divides shares by weights", () => {
    expect(order(["a", "b"], { a: { cpus: 3 }, b: { cpus: 2 } }, { a: 2 })).toEqual(["a", "b"]);
  });

  it("breaks ties by name", () => {
    expect(order(["b", "a", "c"], {})).toEqual(["a", "b", "c"]);
  });

  it("compares subtrees first, then roles inside them", () => {
    const held = { "eng/web": { cpus: 2 }, ops: { cpus: 1.5 } };
    expect(order(["eng/web", "eng/db", "ops"], held)).toEqual(["ops", "eng/db", "eng/web"]);
  });

  it("lets a role with nested roles compete with them through its own allocation", () => {
    const held = { eng: { cpus: 1 }, "eng/web": { cpus: 3 } };
    expect(order(["eng", "eng/web"], held)).toEqual(["eng", "eng/web"]);
    expect(order(["eng", "eng/web"], { eng: { cpus: 4 }, "eng/web": { cpus: 3 } })).toEqual([
      "eng/web",
      "eng",
    ]);
  });

  it("counts allocations of roles nobody subscribes to any more", () => {
    expect(order(["a", "b"], { "a/old": { cpus: 5 }, b: { cpus: 1 } })).toEqual(["b", "a"]);
  });

  it("reports unweighted subtree shares", () => {
    const allocations = new Map([["eng/web", q({ cpus: 5 })]]);
    const shares = roleShares({ candidates: new Set(["ops"]), allocations, totals, weightOf: () => 4 });
    expect(Object.fromEntries(shares)).toEqual({ ops: 0, eng: 0.5, "eng/web": 0.5 });
  });
});

describe("ShareQueue", () => {
  it("keeps items in share order as shares grow", () => {
    const shares: Record<string, number> = { a: 0, b: 0, c: 0.1 };
    const queue = new ShareQueue(
      ["c", "b", "a"],
      (x) => shares[x] ?? 0,
      (x) => x,
    );
    expect(queue.items()).toEqual(["a", "b", "c"]);
    queue.update("a", 0.2);
    expect(queue.items()).toEqual(["b", "c", "a"]);
    queue.update("b", 0.1);
    expect(queue.items()).toEqual(["b", "c", "a"]);
    queue.update("a", 0.05);
    expect(queue.items()).toEqual(["a", "b", "c"]);
    expect(queue.find((x) => x !== "a")).toBe("b");
  });
});
