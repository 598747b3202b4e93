import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseResourcesFlag } from "../../mesos/resource-text.js";
import { refuseFilterMs } from "./refuse-duration.js";
import { RefuseFilters } from "./refuse-filters.js";

const rs = parseResourcesFlag;

describe("refuseFilterMs", () => {
  it("follows Mesos: none for 0 or absent, 5 s for invalid, a year at most, at least one interval", () => {
    expect(refuseFilterMs(undefined, 5)).toBe(0);
    expect(refuseFilterMs(0, 5)).toBe(0);
    expect(refuseFilterMs(2.5, 5)).toBe(2_500);
    expect(refuseFilterMs(-3, 5)).toBe(5_000);
    expect(refuseFilterMs(Number.NaN, 5)).toBe(5_000);
    expect(refuseFilterMs(1e12, 5)).toBe(31_536_000_000);
    expect(refuseFilterMs(0.001, 50)).toBe(50);
  });
});

describe("RefuseFilters", () => {
  let expired = 0;
  let filters: RefuseFilters;
  beforeEach(() => {
    vi.useFakeTimers();
    expired = 0;
    filters = new RefuseFilters({ now: Date.now, onExpire: () => expired++ });
  });
  afterEach(() => {
    filters.close();
    vi.useRealTimers();
  });

  it("hold back what is covered by the refusal, not more", () => {
    filters.add("F", "*", "S1", rs("cpus:2;mem:512;ports:[31000-31010]"), 1_000);
    const filtered = (text: string, version: number) =>
      filters.filteredFrameworks("S1", "*", rs(text), version);
    expect(filtered("cpus:2;mem:512;ports:[31000-31010]", 1).has("F")).toBe(true);
    expect(filtered("cpus:1;ports:[31002-31003]", 2).has("F")).toBe(true);
    expect(filtered("cpus:3;mem:512", 3).has("F")).toBe(false);
    expect(filtered("cpus:1;ports:[31010-31011]", 4).has("F")).toBe(false);
    expect(filtered("cpus:1;gpus:1", 5).has("F")).toBe(false);
    expect(filtered("cpus(web):1", 6).has("F")).toBe(false);
    expect(filters.filteredFrameworks("S2", "*", rs("cpus:1"), 7).size).toBe(0);
    expect(filters.filteredFrameworks("S1", "web", rs("cpus:1"), 8).size).toBe(0);
  });

  it("expire on time and say so once", () => {
    filters.add("F", "*", "S1", rs("cpus:2"), 1_000);
    vi.advanceTimersByTime(999);
    expect(filters.filteredFrameworks("S1", "*", rs("cpus:2"), 1).has("F")).toBe(true);
    vi.advanceTimersByTime(1);
    expect(expired).toBe(1);
    expect(filters.filteredFrameworks("S1", "*", rs("cpus:2"), 1).has("F")).toBe(false);
    expect(filters.activeByRole()).toEqual({});
  });

  it("are cleared per framework and role, or per agent, without counting as expiry", () => {
    filters.add("F", "a", "S1", rs("cpus:2"), 1_000);
    filters.add("F", "b", "S1", rs("cpus:2"), 1_000);
    filters.add("G", "a", "S1", rs("cpus:2"), 1_000);
    filters.add("G", "a", "S2", rs("cpus:2"), 1_000);
    expect(filters.activeByRole()).toEqual({ a: 3, b: 1 });
    filters.clearFramework("F", new Set(["a"]));
    expect(filters.activeByRole()).toEqual({ a: 2, b: 1 });
    filters.clearAgent("S1");
    expect(filters.activeByRole()).toEqual({ a: 1 });
    filters.clearFramework("G");
    expect(filters.activeByRole()).toEqual({});
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(expired).toBe(0);
  });
});
