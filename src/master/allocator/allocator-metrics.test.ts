import { afterEach, describe, expect, it } from "vitest";
import { allocatorHarness, type AllocatorHarness } from "./testing/allocator-harness.js";

let h: AllocatorHarness | undefined;
afterEach(() => h?.allocator.close());

describe("allocator metrics", () => {
  it("report totals, what is offered or allocated, shares and runs", () => {
    h = allocatorHarness();
    h.addAgent("S1", "cpus:4;mem:1000;disk:100");
    h.addAgent("S2", "cpus:4;mem:3000;disk:100");
    h.addFramework("F", ["web"]);
    h.addFramework("G", ["eng/db"]);
    h.allocator.allocateNow();
    const m = h.allocator.metrics();
    expect(m.totals).toEqual({ cpus: 8, mem: 4000, disk: 200, gpus: 0 });
    expect(m.offeredOrAllocated).toEqual({ cpus: 8, mem: 4000, disk: 200, gpus: 0 });
    // eng/db got S1 (mem 1000 of 4000, cpus 4 of 8: dominant 0.5), web got S2 (mem 0.75).
    expect(m.dominantShares).toEqual({ "eng/db": 0.5, eng: 0.5, web: 0.75 });
    expect(m.allocationRuns).toBe(1);
    expect(m.allocationRunMs).toHaveLength(1);
    expect(m.activeFilters).toEqual({});
  });

  it("keep a bounded window of run durations", () => {
    h = allocatorHarness();
    for (let i = 0; i < 150; i++) h.allocator.allocateNow();
    const m = h.allocator.metrics();
    expect(m.allocationRuns).toBe(150);
    expect(m.allocationRunMs).toHaveLength(100);
    expect(m.allocationRunMs.every((ms) => ms >= 0)).toBe(true);
  });
});
