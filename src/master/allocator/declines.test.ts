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

/** One agent, one framework, and the first offer declined with `refuseSeconds`. */
function declinedOnce(refuseSeconds: number | undefined, roles = ["*"]) {
  h.addAgent("S1", "cpus:4;mem:1024");
  h.addFramework("F", roles);
  vi.advanceTimersByTime(5);
  const [offer] = h.take();
  if (!offer) throw new Error("no first offer");
  h.decline(offer, refuseSeconds);
  return offer;
}

describe("declines with refuse_seconds", () => {
  it("hold the agent back for that long, then re-offer it at once", () => {
    declinedOnce(10);
    vi.advanceTimersByTime(9_999);
    expect(h.take()).toEqual([]);
    // Expiry schedules a run one batching window later.
    vi.advanceTimersByTime(1);
    expect(h.take()).toEqual([]);
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["F@S1"]);
  });

  it("re-offer after one window when no filter is asked for", () => {
    declinedOnce(0);
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["F@S1"]);
    h.decline({ frameworkId: "F", agentId: "S1", role: "*", resources: resources("cpus:4;mem:1024") });
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["F@S1"]);
  });

  it("only hold the agent back from the framework that declined", () => {
    declinedOnce(60);
    h.addFramework("G");
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["G@S1"]);
  });

  it("only hold back the role the offer was for", () => {
    h.addAgent("S1", "cpus:4;mem:1024");
    h.addFramework("F", ["a", "b"]);
    vi.advanceTimersByTime(5);
    const [offer] = h.take();
    expect(offer?.role).toBe("a");
    h.decline(offer!, 60);
    vi.advanceTimersByTime(5);
    expect(h.take().map((o) => o.role)).toEqual(["b"]);
  });

  it("do not hold back resources beyond those refused", () => {
    h.addFramework("F");
    h.addAgent("S1", "cpus:4;mem:1024", [{ frameworkId: "F", resources: resources("cpus:1;mem:256") }]);
    vi.advanceTimersByTime(5);
    h.decline(h.take()[0]!, 60);
    vi.advanceTimersByTime(5_000);
    expect(h.take()).toEqual([]);
    // A task ends: cpus:4;mem:1024 is now free, more than the cpus:3;mem:768 refused.
    h.allocator.recoverResources("F", "S1", resources("cpus:1;mem:256"));
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["F@S1"]);
  });

  it("are capped at a year, even beyond what one timer can wait", () => {
    declinedOnce(1e12);
    const year = 31_536_000_000;
    vi.advanceTimersByTime(2 ** 31);
    expect(h.take()).toEqual([]);
    vi.advanceTimersByTime(year - 2 ** 31 - 1);
    expect(h.take()).toEqual([]);
    vi.advanceTimersByTime(1 + 5);
    expect(placements(h.take())).toEqual(["F@S1"]);
  });

  it("fall back to 5 seconds for a negative value", () => {
    declinedOnce(-1);
    vi.advanceTimersByTime(4_999);
    expect(h.take()).toEqual([]);
    vi.advanceTimersByTime(6);
    expect(placements(h.take())).toEqual(["F@S1"]);
  });

  it("show as active filters of the role until they expire", () => {
    declinedOnce(10, ["web"]);
    expect(h.allocator.metrics().activeFilters).toEqual({ web: 1 });
    vi.advanceTimersByTime(10_000);
    expect(h.allocator.metrics().activeFilters).toEqual({});
  });
});

describe("revive", () => {
  it("clears the framework's filters", () => {
    declinedOnce(3_600);
    vi.advanceTimersByTime(1_000);
    expect(h.take()).toEqual([]);
    h.allocator.revive("F");
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["F@S1"]);
  });

  it("clears only the roles it names", () => {
    declinedOnce(3_600, ["a", "b"]);
    vi.advanceTimersByTime(5);
    const [underB] = h.take();
    expect(underB?.role).toBe("b");
    h.decline(underB!, 3_600);
    vi.advanceTimersByTime(1_000);
    expect(h.take()).toEqual([]);
    h.allocator.revive("F", ["b"]);
    vi.advanceTimersByTime(5);
    expect(h.take().map((o) => o.role)).toEqual(["b"]);
  });
});

describe("suppress", () => {
  it("stops offers until revive", () => {
    declinedOnce(0);
    h.allocator.suppress("F");
    vi.advanceTimersByTime(1_000);
    expect(h.take()).toEqual([]);
    h.allocator.revive("F");
    vi.advanceTimersByTime(5);
    expect(placements(h.take())).toEqual(["F@S1"]);
  });

  it("stops only the roles it names", () => {
    h.addAgent("S1", "cpus:1;mem:1024");
    h.addFramework("F", ["a", "b"]);
    h.allocator.suppress("F", ["a"]);
    vi.advanceTimersByTime(5);
    expect(h.take().map((o) => o.role)).toEqual(["b"]);
  });

  it("can be asked for at subscription", () => {
    h.addAgent("S1", "cpus:1;mem:1024");
    h.addFramework("F", ["a", "b"], ["a", "b"]);
    vi.advanceTimersByTime(1_000);
    expect(h.take()).toEqual([]);
    h.allocator.updateFramework({ frameworkId: "F", roles: ["a", "b"], suppressedRoles: ["a"] });
    vi.advanceTimersByTime(5);
    expect(h.take().map((o) => o.role)).toEqual(["b"]);
  });
});
