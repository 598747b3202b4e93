import { describe, expect, it } from "vitest";
import { parseAttributesFlag, flattenAttributes } from "./attributes.js";
import { parseResourcesFlag, summarizeResources, withDefaultResources } from "./resource-text.js";
import { addResources, containsResources, scalarOf, subtractResources } from "./resources.js";
import { takeFromRanges } from "./ranges.js";

describe("the --resources flag", () => {
  it("parses scalars, ranges, sets and roles", () => {
    const rs = parseResourcesFlag(
      "cpus:4; mem:1024;ports:[31000-31005, 31010-31020];disk(web):100;bugs:{a,b}",
    );
    expect(scalarOf(rs, "cpus")).toBe(4);
    expect(rs.find((r) => r.name === "ports")?.ranges?.range).toEqual([
      { begin: 31000, end: 31005 },
      { begin: 31010, end: 31020 },
    ]);
    const disk = rs.find((r) => r.name === "disk");
    expect(disk?.role).toBe("web");
    expect(disk?.reservations).toEqual([{ type: "STATIC", role: "web" }]);
    expect(rs.find((r) => r.name === "bugs")?.set?.item).toEqual(["a", "b"]);
  });

  it("accepts a JSON array", () => {
    const rs = parseResourcesFlag('[{"name":"cpus","type":"SCALAR","scalar":{"value":2}}]');
    expect(scalarOf(rs, "cpus")).toBe(2);
  });

  it("reports a malformed entry", () => {
    expect(() => parseResourcesFlag("cpus=4")).toThrow(/expected name\[\(role\)\]:value/);
    expect(() => parseResourcesFlag("ports:[10-5]")).toThrow(/end before begin/);
  });

  it("fills in the machine's defaults", () => {
    const rs = withDefaultResources(parseResourcesFlag("cpus:2"), {
      cpus: 8,
      memBytes: 4 * 1024 ** 3,
      diskBytes: 20 * 1024 ** 3,
    });
    expect(scalarOf(rs, "cpus")).toBe(2);
    expect(scalarOf(rs, "mem")).toBe(3072);
    expect(scalarOf(rs, "disk")).toBe(15360);
    expect(summarizeResources(rs).ports).toBe("[31000-32000]");
  });
});

describe("resource arithmetic", () => {
  const total = parseResourcesFlag("cpus:4;mem:1024;ports:[31000-31010]");
  const task = parseResourcesFlag("cpus:0.1;mem:32;ports:[31001-31001]");

  it("subtracts and adds back to the same whole", () => {
    const left = subtractResources(total, task);
    expect(scalarOf(left, "cpus")).toBe(3.9);
    expect(summarizeResources(left).ports).toBe("[31000-31000, 31002-31010]");
    expect(summarizeResources(addResources(left, task))).toEqual(summarizeResources(total));
  });

  it("checks containment per resource", () => {
    expect(containsResources(total, task)).toBe(true);
    expect(containsResources(task, total)).toBe(false);
    expect(containsResources(total, parseResourcesFlag("ports:[40000-40000]"))).toBe(false);
    expect(containsResources(total, parseResourcesFlag("cpus(web):1"))).toBe(false);
  });

  it("takes single ports from ranges", () => {
    expect(
      takeFromRanges(
        [
          { begin: 5, end: 6 },
          { begin: 9, end: 9 },
        ],
        3,
      ),
    ).toEqual([
      { begin: 5, end: 5 },
      { begin: 6, end: 6 },
      { begin: 9, end: 9 },
    ]);
    expect(takeFromRanges([{ begin: 5, end: 5 }], 2)).toBeUndefined();
  });
});

describe("attributes", () => {
  it("parses and flattens text, scalar and range attributes", () => {
    const attrs = parseAttributesFlag("rack:r1;level:10;keys:[1000-1500]");
    expect(attrs.map((a) => a.type)).toEqual(["TEXT", "SCALAR", "RANGES"]);
    expect(flattenAttributes(attrs)).toEqual({ rack: "r1", level: 10, keys: "[1000-1500]" });
  });
});
