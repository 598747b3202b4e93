import { describe, expect, it } from "vitest";
import { normalizeApp } from "../model/app-normalize.js";
import type { TaskRecord } from "../state/task-record.js";
import { actionProgress } from "./action-progress.js";

const app = (extra: Record<string, unknown>) => ({
  ...normalizeApp({ id: "/a", cmd: "x", ...extra }),
  version: "v2",
  versionInfo: { lastScalingAt: "v2", lastConfigChangeAt: "v2" },
});
let n = 0;
const task = (configVersion: string, state: TaskRecord["state"] = "TASK_RUNNING"): TaskRecord => ({
  id: `t${++n}`,
  appId: "/a",
  agentId: "ag",
  host: "h",
  state,
  stagedAt: new Date(1000 + n).toISOString(),
  version: configVersion,
  configVersion,
  placement: {},
  ports: [],
  servicePorts: [],
  ipAddresses: [],
  healthResults: [],
});

describe("actionProgress", () => {
  it("scale down kills the youngest extra tasks and is done once the count matches", () => {
    const tasks = [task("v2"), task("v2"), task("v2")];
    const progress = actionProgress("ScaleApplication", app({ instances: 1 }), tasks);
    expect(progress.kill.map((t) => t.id)).toEqual([tasks[2]?.id, tasks[1]?.id]);
    expect(progress.done).toBe(false);
    expect(actionProgress("ScaleApplication", app({ instances: 1 }), [task("v2")]).done).toBe(true);
  });
  it("restart with (1, 1) starts all new tasks before killing old ones, one per ready new task", () => {
    const a = app({ instances: 2 });
    const olds = [task("v1"), task("v1")];
    expect(actionProgress("RestartApplication", a, olds)).toMatchObject({
      launchTarget: 2,
      kill: [],
      done: false,
    });
    const oneReady = actionProgress("RestartApplication", a, [
      ...olds,
      task("v2"),
      task("v2", "TASK_STAGING"),
    ]);
    expect(oneReady.kill).toHaveLength(1);
    expect(actionProgress("RestartApplication", a, [task("v2"), task("v2")]).done).toBe(true);
  });
  it("restart with minimumHealthCapacity 0 kills every old task at once", () => {
    const a = app({ instances: 2, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 } });
    const progress = actionProgress("RestartApplication", a, [task("v1"), task("v1")]);
    expect(progress.kill).toHaveLength(2);
    expect(progress.launchTarget).toBe(2);
  });
  it("restart with (0.5, 0) keeps half the old tasks until new ones are ready", () => {
    const a = app({ instances: 4, upgradeStrategy: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 } });
    const progress = actionProgress("RestartApplication", a, [
      task("v1"),
      task("v1"),
      task("v1"),
      task("v1"),
    ]);
    expect(progress.kill).toHaveLength(2);
    expect(progress.launchTarget).toBe(2);
  });
});
