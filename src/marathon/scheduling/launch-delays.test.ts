import { describe, expect, it } from "vitest";
import { normalizeApp } from "../model/app-normalize.js";
import { LaunchDelays } from "./launch-delays.js";

describe("LaunchDelays", () => {
  it("grows the delay by backoffFactor per failure, capped, and forgets it on reset or a new version", () => {
    let now = 1_000;
    const delays = new LaunchDelays(() => now);
    const app = {
      ...normalizeApp({ id: "/a", cmd: "x", backoffSeconds: 2, backoffFactor: 3, maxLaunchDelaySeconds: 10 }),
      version: "v1",
    };
    expect(delays.remainingMs(app)).toBe(0);
    expect(delays.failed(app)).toBe(2000);
    expect(delays.failed(app)).toBe(6000);
    expect(delays.failed(app)).toBe(10_000);
    now += 4000;
    expect(delays.remainingMs(app)).toBe(6000);
    expect(delays.remainingMs({ ...app, version: "v2" })).toBe(0);
    delays.reset("/a");
    expect(delays.remainingMs(app)).toBe(0);
  });
});
