import { describe, expect, it } from "vitest";
import { meetsConstraint, placementOf } from "./constraints.js";

const a = placementOf("a", [{ name: "rack", type: "TEXT", text: { value: "r1" } }]);
const b = placementOf("b", [{ name: "rack", type: "TEXT", text: { value: "r2" } }]);
const bare = placementOf("c");

describe("constraints", () => {
  it("UNIQUE keeps one task per value", () => {
    expect(meetsConstraint(["hostname", "UNIQUE"], a, [])).toBe(true);
    expect(meetsConstraint(["hostname", "UNIQUE"], a, [a])).toBe(false);
    expect(meetsConstraint(["hostname", "UNIQUE"], b, [a])).toBe(true);
  });
  it("CLUSTER with a value picks that value; without one follows the first task", () => {
    expect(meetsConstraint(["rack", "CLUSTER", "r2"], a, [])).toBe(false);
    expect(meetsConstraint(["rack", "CLUSTER", "r2"], b, [])).toBe(true);
    expect(meetsConstraint(["rack", "CLUSTER"], b, [a])).toBe(false);
    expect(meetsConstraint(["rack", "CLUSTER"], a, [a])).toBe(true);
  });
  it("LIKE and UNLIKE match the whole value; a missing attribute passes only UNLIKE", () => {
    expect(meetsConstraint(["rack", "LIKE", "r[12]"], a, [])).toBe(true);
    expect(meetsConstraint(["rack", "LIKE", "r"], a, [])).toBe(false);
    expect(meetsConstraint(["rack", "UNLIKE", "r1"], a, [])).toBe(false);
    expect(meetsConstraint(["rack", "UNLIKE", "r1"], bare, [])).toBe(true);
    expect(meetsConstraint(["rack", "LIKE", ".*"], bare, [])).toBe(false);
  });
  it("MAX_PER caps tasks per value, IS compares text or scalars", () => {
    expect(meetsConstraint(["rack", "MAX_PER", "2"], a, [a])).toBe(true);
    expect(meetsConstraint(["rack", "MAX_PER", "2"], a, [a, a])).toBe(false);
    const scalar = placementOf("d", [{ name: "level", type: "SCALAR", scalar: { value: 10 } }]);
    expect(meetsConstraint(["level", "IS", "10.0"], scalar, [])).toBe(true);
    expect(meetsConstraint(["@hostname", "IS", "d"], scalar, [])).toBe(true);
    expect(meetsConstraint(["rack", "IS", "r2"], a, [])).toBe(false);
  });
  it("GROUP_BY spreads evenly over the values", () => {
    expect(meetsConstraint(["rack", "GROUP_BY"], a, [a])).toBe(true);
    expect(meetsConstraint(["rack", "GROUP_BY", "2"], a, [a])).toBe(false);
    expect(meetsConstraint(["rack", "GROUP_BY", "2"], b, [a])).toBe(true);
    expect(meetsConstraint(["rack", "GROUP_BY"], a, [a, b, a])).toBe(false);
    expect(meetsConstraint(["rack", "GROUP_BY"], b, [a, b, a])).toBe(true);
  });
});
