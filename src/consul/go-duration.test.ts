import { describe, expect, it } from "vitest";
import { formatGoDuration, parseGoDuration } from "./go-duration.js";

describe("Go durations", () => {
  it("parses the forms Consul clients send", () => {
    expect(parseGoDuration("10s")).toBe(10_000);
    expect(parseGoDuration("1m30s")).toBe(90_000);
    expect(parseGoDuration("250ms")).toBe(250);
    expect(parseGoDuration("1.5h")).toBe(5_400_000);
    expect(parseGoDuration("5")).toBe(5000);
  });

  it("rejects what Go rejects", () => {
    expect(() => parseGoDuration("10")).not.toThrow();
    expect(() => parseGoDuration("ten")).toThrow('time: invalid duration "ten"');
    expect(() => parseGoDuration("10x")).toThrow();
    expect(() => parseGoDuration("")).toThrow();
  });

  it("prints as Go does", () => {
    expect(formatGoDuration(90_000)).toBe("1m30s");
    expect(formatGoDuration(10_000)).toBe("10s");
    expect(formatGoDuration(250)).toBe("250ms");
    expect(formatGoDuration(3_600_000)).toBe("1h0m0s");
  });
});
