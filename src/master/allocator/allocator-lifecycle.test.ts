import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  allocatorHarness,
  placements,
  resources,
  type AllocatorHarness,
} from "./testing/allocator-harness.js";

let h: AllocatorHarness;
beforeEach(() => {
  vi.useFakeTimers();
  h = allocatorHarness({ allocationIntervalMs: 5 });
});
afterEach(() => {
  h.allocator.close();
  vi.useRealTimers();
});

describe("inactive agents and frameworks", () => {
  it("an inactive agent is not offered until it is active again", () => {
    h.addFramework("F");
    h.addAgent("S1", "cpus:1;mem:1024");
    h.allocator.setAgentActive("S1", false);
    vi.advanceTimersByTime(1_000);
    expect(h.take()).toEqual([]);
    h.allocator.setAgentActive("S1", true);
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["F@S1"]);
  });

  it("an inactive agent keeps its allocations", () => {
    h.addFramework("F");
    h.addAgent("S1", "cpus:1;mem:1024");
    vi.advanceTimersByTime(5);
    h.take();
    h.allocator.setAgentActive("S1", false);
    h.allocator.setAgentActive("S1", true);
    vi.advanceTimersByTime(5);
    expect(h.take()).toEqual([]);
    expect(h.allocator.metrics().offeredOrAllocated.cpus).toBe(1);
  });

  it("an inactive framework gets nothing; others do; it gets offers again once active", () => {
    h.addAgent("S1", "cpus:1;mem:1024");
    h.addAgent("S2", "cpus:1;mem:1024");
    h.addFramework("F");
    h.allocator.setFrameworkActive("F", false);
    vi.advanceTimersByTime(1_000);
    expect(h.take()).toEqual([]);
    h.addFramework("G");
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["G@S1", "G@S2"]);
    h.allocator.recoverResources("G", "S2", resources("cpus:1;mem:1024"));
    h.allocator.setFrameworkActive("F", true);
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["F@S2"]);
  });

  it("a removed agent's resources are gone from the totals", () => {
    h.addAgent("S1", "cpus:1;mem:1024");
    h.addAgent("S2", "cpus:2;mem:1024");
    h.allocator.removeAgent("S2");
    expect(h.allocator.metrics().totals).toMatchObject({ cpus: 1, mem: 1024 });
  });
});

describe("event-driven batching", () => {
  it("coalesces events inside the window into one run", () => {
    h.addAgent("S1", "cpus:1;mem:1024");
    h.addAgent("S2", "cpus:1;mem:1024");
    h.addFramework("F");
    expect(h.allocator.metrics().allocationRuns).toBe(0);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(4);
    expect(h.take()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(h.allocator.metrics().allocationRuns).toBe(1);
    expect(placements(h.take())).toEqual(["F@S1", "F@S2"]);
  });

  it("has no periodic tick", () => {
    h.addAgent("S1", "cpus:1;mem:1024");
    h.addFramework("F");
    vi.advanceTimersByTime(60_000);
    expect(h.allocator.metrics().allocationRuns).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("allocateNow runs at once and replaces the pending run", () => {
    h.addAgent("S1", "cpus:1;mem:1024");
    h.addFramework("F");
    h.allocator.allocateNow();
    expect(placements(h.take())).toEqual(["F@S1"]);
    vi.advanceTimersByTime(1_000);
    expect(h.allocator.metrics().allocationRuns).toBe(1);
  });

  it("delivers every offer even when the master's callback throws", () => {
    const seen: string[] = [];
    const errors: string[] = [];
    const failing = allocatorHarness({
      onOffer: (offer) => {
        seen.push(offer.agentId);
        throw new Error(`refused ${offer.agentId}`);
      },
      onError: (error) => errors.push((error as Error).message),
    });
    failing.addFramework("F");
    failing.addAgent("S1", "cpus:1;mem:1024");
    failing.addAgent("S2", "cpus:1;mem:1024");
    failing.allocator.allocateNow();
    expect(seen).toEqual(["S1", "S2"]);
    expect(errors).toEqual(["refused S1", "refused S2"]);
    failing.allocator.close();
  });
});

describe("close", () => {
  it("leaves no timers behind, filters included", () => {
    h.addAgent("S1", "cpus:1;mem:1024");
    h.addFramework("F");
    vi.advanceTimersByTime(5);
    h.decline(h.take()[0]!, 3_600);
    h.addAgent("S2", "cpus:1;mem:1024");
    expect(vi.getTimerCount()).toBe(2);
    h.allocator.close();
    expect(vi.getTimerCount()).toBe(0);
    h.addAgent("S3", "cpus:1;mem:1024");
    h.allocator.revive("F");
    expect(vi.getTimerCount()).toBe(0);
  });
});
