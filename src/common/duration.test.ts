import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.js";

describe("Mesos durations", () => {
  it("parses the units Mesos prints", () => {
    expect(parseDuration("5secs")).toBe(5000);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration("15mins")).toBe(900_000);
    expect(parseDuration("1weeks")).toBe(604_800_000);
    expect(parseDuration("0.5secs")).toBe(500);
  });

  it("rejects text that is not a duration", () => {
    expect(() => parseDuration("five")).toThrow(/Invalid duration/);
    expect(() => parseDuration("5parsecs")).toThrow(/Invalid duration/);
  });

  it("formats durations like Mesos", () => {
    expect(formatDuration(5000)).toBe("5secs");
    expect(formatDuration(900_000)).toBe("15mins");
    expect(formatDuration(250)).toBe("250ms");
    expect(formatDuration(1500)).toBe("1.5secs");
  });
});
