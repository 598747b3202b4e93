import { afterEach, describe, expect, it } from "vitest";
import { reservationRole } from "../../mesos/resource.js";
import { scalarOf } from "../../mesos/resources.js";
import {
  allocatorHarness,
  placements,
  resources,
  type AllocatorHarness,
} from "./testing/allocator-harness.js";

let h: AllocatorHarness | undefined;
afterEach(() => h?.allocator.close());

const RESERVED_FOR_WEB = "cpus:2;mem:1024;cpus(web):1;mem(web):512";

describe("statically reserved resources", () => {
  it("are never offered to other roles", () => {
    h = allocatorHarness();
    h.addAgent("S1", RESERVED_FOR_WEB);
    h.addFramework("B", ["batch"]);
    h.allocator.allocateNow();
    const [offer] = h.take();
    expect(offer?.resources.every((r) => reservationRole(r) === "*")).toBe(true);
    expect(scalarOf(offer?.resources ?? [], "cpus")).toBe(2);
    h.allocator.allocateNow();
    expect(h.take()).toEqual([]);
  });

  it("go to a framework of their role, with the unreserved ones", () => {
    h = allocatorHarness();
    h.addAgent("S1", RESERVED_FOR_WEB);
    h.addFramework("W", ["web"]);
    h.allocator.allocateNow();
    const [offer] = h.take();
    expect(scalarOf(offer?.resources ?? [], "cpus")).toBe(3);
    const reserved = offer?.resources.filter((r) => reservationRole(r) === "web");
    expect(reserved?.map((r) => r.name).sort()).toEqual(["cpus", "mem"]);
    expect(offer?.resources.every((r) => r.allocation_info?.role === "web")).toBe(true);
  });

  it("still reach their role when another role took the unreserved part", () => {
    h = allocatorHarness();
    h.addAgent("S1", RESERVED_FOR_WEB);
    h.addFramework("B", ["batch"]);
    h.allocator.allocateNow();
    expect(placements(h.take())).toEqual(["B@S1"]);
    h.addFramework("W", ["web"]);
    h.allocator.allocateNow();
    const [offer] = h.take();
    expect(offer?.frameworkId).toBe("W");
    expect(offer?.resources.every((r) => reservationRole(r) === "web")).toBe(true);
  });

  it("serve the roles nested below their role", () => {
    h = allocatorHarness();
    h.addAgent("S1", "cpus(eng):1;mem(eng):512");
    h.addFramework("X", ["ops"]);
    h.addFramework("E", ["eng/backend"]);
    h.allocator.allocateNow();
    const offers = h.take();
    expect(placements(offers)).toEqual(["E@S1"]);
    expect(offers[0]?.role).toBe("eng/backend");
  });
});

describe("min allocatable resources", () => {
  it("holds back an agent with too little cpu and memory", () => {
    h = allocatorHarness();
    h.addAgent("S1", "cpus:0.005;mem:31;disk:1000");
    h.addFramework("F");
    h.allocator.allocateNow();
    expect(h.take()).toEqual([]);
  });

  it("offers when either cpus or memory is enough", () => {
    h = allocatorHarness();
    h.addAgent("S1", "cpus:0.01;mem:0");
    h.addAgent("S2", "cpus:0;mem:32");
    h.addAgent("S3", "disk:5000;ports:[31000-32000]");
    h.addFramework("F");
    h.allocator.allocateNow();
    expect(placements(h.take())).toEqual(["F@S1", "F@S2"]);
  });

  it("applies to what is left after tasks", () => {
    h = allocatorHarness();
    h.addFramework("F");
    // Tasks use 0.995 cpus and 40 MB: 0.005 cpus and 24 MB are too little to offer.
    h.addAgent("S1", "cpus:1;mem:64", [{ frameworkId: "F", resources: resources("cpus:0.995;mem:40") }]);
    h.allocator.allocateNow();
    expect(h.take()).toEqual([]);
    h.allocator.recoverResources("F", "S1", resources("mem:8"));
    h.allocator.allocateNow();
    expect(placements(h.take())).toEqual(["F@S1"]);
  });

  it("can be configured", () => {
    h = allocatorHarness({ minAllocatable: { cpus: 1, mem: 4096 } });
    h.addAgent("S1", "cpus:0.5;mem:2048");
    h.addAgent("S2", "cpus:1;mem:2048");
    h.addFramework("F");
    h.allocator.allocateNow();
    expect(placements(h.take())).toEqual(["F@S2"]);
  });
});
