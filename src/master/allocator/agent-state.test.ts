import { describe, expect, it } from "vitest";
import { parseResourcesFlag } from "../../mesos/resource-text.js";
import { allocateTo, scalarOf } from "../../mesos/resources.js";
import { AgentState } from "./agent-state.js";

const rs = parseResourcesFlag;
const agent = () => new AgentState("S1", "h", rs("cpus:4;mem:1024;ports:[31000-31009];cpus(web):1"));

describe("AgentState", () => {
  it("offers a role the unreserved resources and its own reservations", () => {
    const a = agent();
    expect(scalarOf(a.offerableFor("batch"), "cpus")).toBe(4);
    expect(scalarOf(a.offerableFor("web"), "cpus")).toBe(5);
    expect(scalarOf(a.offerableFor("web/api"), "cpus")).toBe(5);
  });

  it("takes, releases part, then the rest, and never releases more than it holds", () => {
    const a = agent();
    const versionBefore = a.version;
    a.take("F", "*", a.offerableFor("*"));
    expect(a.version).not.toBe(versionBefore);
    expect(scalarOf(a.available, "cpus")).toBe(1);
    const part = a.release("F", "*", allocateTo(rs("cpus:1;ports:[31003-31004]"), "*"));
    expect(scalarOf(part, "cpus")).toBe(1);
    expect(scalarOf(a.available, "cpus")).toBe(2);
    const rest = a.release("F", "*", rs("cpus:10;mem:4096;ports:[31000-31009]"));
    expect(scalarOf(rest, "cpus")).toBe(3);
    expect(scalarOf(a.available, "cpus")).toBe(5);
    expect(scalarOf(a.available, "mem")).toBe(1024);
    expect(a.available.find((r) => r.name === "ports")?.ranges?.range).toEqual([
      { begin: 31000, end: 31009 },
    ]);
    expect(a.release("F", "*", rs("cpus:1"))).toEqual([]);
    expect(a.allocations.size).toBe(0);
  });

  it("keeps allocations when the total changes", () => {
    const a = agent();
    a.hold("F", "*", rs("cpus:3"));
    a.setTotal(rs("cpus:8;mem:1024"));
    expect(scalarOf(a.available, "cpus")).toBe(5);
  });
});
