import { describe, expect, it } from "vitest";
import { normalizeApp } from "../model/app-normalize.js";
import { buildPlan } from "./plan.js";

const app = (id: string, extra: Record<string, unknown> = {}) => ({
  ...normalizeApp({ id, cmd: "run", ...extra }),
  version: "v",
});

describe("buildPlan", () => {
  it("starts then scales a new app", () => {
    const plan = buildPlan({}, { "/a": app("/a") }, "v1");
    expect(plan.steps).toEqual([
      { actions: [{ action: "StartApplication", app: "/a" }] },
      { actions: [{ action: "ScaleApplication", app: "/a" }] },
    ]);
  });
  it("scales on an instances change, restarts on a config change, stops a removed app", () => {
    const plan = buildPlan(
      { "/a": app("/a"), "/b": app("/b"), "/c": app("/c") },
      { "/a": app("/a", { instances: 3 }), "/b": app("/b", { cmd: "other" }), "/c": undefined },
      "v2",
    );
    expect(plan.steps).toEqual([
      { actions: [{ action: "StopApplication", app: "/c" }] },
      {
        actions: [
          { action: "ScaleApplication", app: "/a" },
          { action: "RestartApplication", app: "/b" },
        ],
      },
    ]);
  });
  it("orders dependencies first and drops empty plans' steps", () => {
    const plan = buildPlan({}, { "/web": app("/web", { dependencies: ["/db"] }), "/db": app("/db") }, "v");
    expect(plan.steps.slice(2 - 1)).toEqual([
      { actions: [{ action: "ScaleApplication", app: "/db" }] },
      { actions: [{ action: "ScaleApplication", app: "/web" }] },
    ]);
    expect(buildPlan({ "/a": app("/a") }, { "/a": app("/a") }, "v").steps).toEqual([]);
  });
});
