import { describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import { fitResources, meetsConstraints } from "./offer-fit.js";

const offer = {
  id: { value: "o" },
  agent_id: { value: "a" },
  framework_id: { value: "f" },
  hostname: "agent-7.example",
  attributes: [
    { name: "rack", type: "TEXT", text: { value: "r1" } },
    { name: "disks", type: "SET", set: { item: ["ssd", "hdd"] } },
    { name: "gen", type: "SCALAR", scalar: { value: 3 } },
  ],
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: 1 } },
    { name: "cpus", type: "SCALAR", scalar: { value: 0.5 }, role: "batch" },
    { name: "mem", type: "SCALAR", scalar: { value: 512 } },
    { name: "disk", type: "SCALAR", scalar: { value: 1000 } },
    { name: "mem", type: "SCALAR", scalar: { value: 4096 }, role: "other" },
  ],
} as Offer;

describe("offers for Chronos jobs", () => {
  it("checks EQUALS, LIKE and UNLIKE on attributes and the hostname", () => {
    expect(meetsConstraints(offer, [["rack", "EQUALS", "r1"]])).toBe(true);
    expect(meetsConstraints(offer, [["rack", "EQUALS", "r2"]])).toBe(false);
    expect(meetsConstraints(offer, [["hostname", "LIKE", "agent-[0-9]+\\.example"]])).toBe(true);
    expect(meetsConstraints(offer, [["hostname", "LIKE", "agent"]])).toBe(false);
    expect(meetsConstraints(offer, [["disks", "LIKE", "ssd"]])).toBe(true);
    expect(meetsConstraints(offer, [["gen", "LIKE", "3\\.0"]])).toBe(true);
    expect(meetsConstraints(offer, [["rack", "UNLIKE", "r[12]"]])).toBe(false);
    expect(meetsConstraints(offer, [["zone", "UNLIKE", "a"]])).toBe(true);
  });

  it("takes resources the framework's role may use, reserved ones first", () => {
    const taken = fitResources(offer.resources, { cpus: 1.2, mem: 256, disk: 10 }, "batch");
    expect(taken).toEqual([
      { name: "cpus", type: "SCALAR", scalar: { value: 0.5 }, role: "batch" },
      { name: "cpus", type: "SCALAR", scalar: { value: 0.7 } },
      { name: "mem", type: "SCALAR", scalar: { value: 256 } },
      { name: "disk", type: "SCALAR", scalar: { value: 10 } },
    ]);
    expect(fitResources(offer.resources, { cpus: 0.1, mem: 1024, disk: 1 }, "batch")).toBeUndefined();
    expect(fitResources(offer.resources, { cpus: 1.2, mem: 1, disk: 1 }, "*")).toBeUndefined();
  });
});
