import { afterEach, describe, expect, it } from "vitest";
import { allocateTo } from "../../mesos/resources.js";
import {
  allocatorHarness,
  cpusOf,
  placements,
  resources,
  type AllocatorHarness,
} from "./testing/allocator-harness.js";

let h: AllocatorHarness | undefined;
afterEach(() => h?.allocator.close());

function cluster(agents: number, resourcesText = "cpus:1;mem:1024"): AllocatorHarness {
  h = allocatorHarness();
  for (let i = 1; i <= agents; i++) h.addAgent(`S${i}`, resourcesText);
  return h;
}

const countBy = (items: readonly string[]): Record<string, number> =>
  items.reduce<Record<string, number>>((out, k) => ({ ...out, [k]: (out[k] ?? 0) + 1 }), {});

describe("DRF between roles", () => {
  it("alternates between two roles of equal weight", () => {
    const c = cluster(4);
    c.addFramework("A", ["a"]);
    c.addFramework("B", ["b"]);
    c.allocator.allocateNow();
    expect(placements(c.take())).toEqual(["A@S1", "B@S2", "A@S3", "B@S4"]);
  });

  it("offers first to the role with the lower dominant share", () => {
    const c = allocatorHarness();
    h = c;
    // Role a already runs a task using half the memory of S1: its dominant share is mem, 0.25 of the cluster.
    c.addAgent("S1", "cpus:4;mem:1024", [
      { frameworkId: "A", resources: allocateTo(resources("cpus:0.1;mem:512"), "a") },
    ]);
    c.addAgent("S2", "cpus:4;mem:1024");
    c.addFramework("A", ["a"]);
    c.addFramework("B", ["b"]);
    c.allocator.allocateNow();
    expect(placements(c.take())).toEqual(["B@S1", "A@S2"]);
  });

  it("gives a heavier role a proportionally larger part", () => {
    const c = cluster(8);
    c.allocator.setWeights({ a: 3 });
    c.addFramework("A", ["a"]);
    c.addFramework("B", ["b"]);
    c.allocator.allocateNow();
    const byFramework = countBy(c.take().map((o) => o.frameworkId));
    expect(byFramework).toEqual({ A: 6, B: 2 });
    expect(c.allocator.weights()).toEqual({ a: 3 });
  });

  it("re-orders when weights change", () => {
    const c = cluster(4);
    c.addFramework("A", ["a"]);
    c.addFramework("B", ["b"]);
    c.allocator.allocateNow();
    for (const offer of c.take()) c.decline(offer);
    c.allocator.setWeights({ b: 4 });
    c.allocator.allocateNow();
    expect(countBy(c.take().map((o) => o.frameworkId))).toEqual({ A: 1, B: 3 });
  });

  it("orders nested roles by their subtree's share", () => {
    const c = cluster(4);
    c.addFramework("E1", ["eng/web"]);
    c.addFramework("E2", ["eng/db"]);
    c.addFramework("O", ["ops"]);
    c.allocator.allocateNow();
    // eng (both children together) and ops share the cluster equally.
    expect(countBy(c.take().map((o) => o.role))).toEqual({ "eng/web": 1, "eng/db": 1, ops: 2 });
  });
});

describe("DRF within a role", () => {
  it("splits a role's resources fairly between its frameworks", () => {
    const c = cluster(6);
    c.addFramework("F1", ["r"]);
    c.addFramework("F2", ["r"]);
    c.addFramework("F3", ["r"]);
    c.allocator.allocateNow();
    const offers = c.take();
    expect(countBy(offers.map((o) => o.frameworkId))).toEqual({ F1: 2, F2: 2, F3: 2 });
    expect(offers.every((o) => o.role === "r")).toBe(true);
  });

  it("offers a framework under each of its roles", () => {
    const c = cluster(2);
    c.addFramework("M", ["a", "b"]);
    c.allocator.allocateNow();
    expect(c.take().map((o) => `${o.role}@${o.agentId}`)).toEqual(["a@S1", "b@S2"]);
  });
});

describe("offers", () => {
  it("carry everything available on the agent, marked with the role", () => {
    const c = cluster(1, "cpus:2;mem:1024;disk:100;ports:[31000-31009]");
    c.addFramework("F", ["web"]);
    c.allocator.allocateNow();
    const [offer] = c.take();
    expect(offer?.resources).toHaveLength(4);
    expect(offer?.resources.every((r) => r.allocation_info?.role === "web")).toBe(true);
    expect(offer?.resources.find((r) => r.name === "ports")?.ranges?.range).toEqual([
      { begin: 31000, end: 31009 },
    ]);
  });

  it("are not repeated while the resources stay allocated", () => {
    const c = cluster(1);
    c.addFramework("F");
    c.addFramework("G");
    c.allocator.allocateNow();
    c.allocator.allocateNow();
    expect(placements(c.take())).toEqual(["F@S1"]);
  });

  it("re-offer resources once they are recovered", () => {
    const c = cluster(1, "cpus:4;mem:1024");
    c.addFramework("F");
    c.allocator.allocateNow();
    const [offer] = c.take();
    // The framework launches a task with part of the offer and the rest comes back unused.
    c.allocator.recoverResources("F", "S1", resources("cpus:3;mem:768"), 0);
    c.allocator.allocateNow();
    expect(cpusOf(c.take()[0])).toBe(3);
    // The task ends: its resources come back too.
    c.allocator.recoverResources("F", "S1", resources("cpus:1;mem:256"));
    c.allocator.allocateNow();
    const again = c.take();
    expect(placements(again)).toEqual(["F@S1"]);
    expect(cpusOf(again[0])).toBe(1);
    expect(offer?.resources).toBeDefined();
  });

  it("are made again to another framework after the holder is removed", () => {
    const c = cluster(1);
    c.addFramework("F");
    c.allocator.allocateNow();
    c.take();
    c.addFramework("G");
    c.allocator.removeFramework("F");
    c.allocator.allocateNow();
    expect(placements(c.take())).toEqual(["G@S1"]);
  });

  it("include resources an agent gains", () => {
    const c = cluster(1, "cpus:1;mem:1024");
    c.addFramework("F");
    c.allocator.allocateNow();
    c.take();
    c.allocator.updateAgent("S1", resources("cpus:3;mem:1024"));
    c.allocator.allocateNow();
    expect(cpusOf(c.take()[0])).toBe(2);
  });
});
