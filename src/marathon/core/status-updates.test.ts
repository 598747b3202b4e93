import { describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import type { TaskState } from "../../mesos/task-state.js";
import type { SchedulerDriver } from "../framework/driver.js";
import { normalizeApp } from "../model/app-normalize.js";
import { stampVersion } from "../model/app-versioning.js";
import type { TaskRecord } from "../state/task-record.js";
import { MarathonCore } from "./marathon-core.js";
import { handleStatus } from "./status-updates.js";
import { expireUnreachable } from "./unreachable.js";

function setup() {
  const kills: string[] = [];
  const core = new MarathonCore({ logger: silentLogger(), servicePorts: { min: 10000, max: 10010 } });
  core.driver = {
    kill: async (taskId: { value: string } | string) =>
      void kills.push(typeof taskId === "string" ? taskId : taskId.value),
    revive: async () => undefined,
    suppress: async () => undefined,
  } as unknown as SchedulerDriver;
  const app = stampVersion(
    undefined,
    { ...normalizeApp({ id: "/a", cmd: "x", backoffSeconds: 5 }), version: "" },
    "v1",
  );
  core.deploy({ "/a": app }, "v1", false);
  const task: TaskRecord = {
    id: "a.1",
    appId: "/a",
    agentId: "ag",
    host: "h",
    state: "TASK_STAGING",
    stagedAt: "2020-01-01T00:00:00.000Z",
    version: "v1",
    configVersion: "v1",
    placement: { hostname: "h" },
    ports: [],
    servicePorts: [],
    ipAddresses: [],
    healthResults: [],
  };
  core.tasks.put(task);
  const events: string[] = [];
  core.events.subscribe((e) => events.push(`${e.eventType}:${String(e.taskStatus ?? e.condition ?? "")}`));
  const update = (id: string, state: TaskState, extra = {}) =>
    handleStatus(core, { task_id: { value: id }, agent_id: { value: "ag" }, state, ...extra });
  return { core, kills, events, update };
}

describe("handleStatus", () => {
  it("tracks a task to running with its IPs and publishes status and instance events", () => {
    const { core, events, update } = setup();
    update("a.1", "TASK_RUNNING", {
      container_status: { network_infos: [{ ip_addresses: [{ ip_address: "10.0.0.5" }] }] },
    });
    expect(core.tasks.get("a.1")).toMatchObject({
      state: "TASK_RUNNING",
      ipAddresses: [{ ipAddress: "10.0.0.5", protocol: "IPv4" }],
    });
    expect(core.tasks.get("a.1")?.startedAt).toBeDefined();
    expect(events).toEqual(
      expect.arrayContaining(["status_update_event:TASK_RUNNING", "instance_changed_event:Running"]),
    );
  });

  it("records a failure, starts the backoff, and forgets the task", () => {
    const { core, update } = setup();
    update("a.1", "TASK_FAILED", { message: "boom" });
    expect(core.tasks.get("a.1")).toBeUndefined();
    expect(core.lastTaskFailure.get("/a")).toMatchObject({
      taskId: "a.1",
      state: "TASK_FAILED",
      message: "boom",
    });
    expect(core.delays.remainingMs(core.apps.get("/a") as never)).toBeGreaterThan(4000);
  });

  it("kills tasks it does not know and replaces unreachable ones", () => {
    const { core, kills, update } = setup();
    update("stranger.1", "TASK_RUNNING");
    expect(kills).toEqual(["stranger.1"]);
    update("a.1", "TASK_UNREACHABLE");
    expect(core.tasks.get("a.1")?.state).toBe("TASK_UNREACHABLE");
    core.tick();
    expect(core.tasks.get("a.1")).toBeUndefined();
    expect(kills).toEqual(["stranger.1", "a.1"]);
    expect(core.launchNeed(core.apps.get("/a") as never)).toBe(1);
  });
});

describe("handleStatus with unreachableStrategy timers", () => {
  it("counts the task until inactiveAfter, replaces it, expunges it after expungeAfter", () => {
    const { core, kills, events, update } = setup();
    const app = core.apps.get("/a");
    if (app)
      core.apps.put({ ...app, unreachableStrategy: { inactiveAfterSeconds: 2, expungeAfterSeconds: 4 } });
    update("a.1", "TASK_UNREACHABLE");
    const since = core.tasks.get("a.1")?.unreachableSince as number;
    expireUnreachable(core, since + 1999);
    expect(core.launchNeed(core.apps.get("/a") as never)).toBe(0);
    expireUnreachable(core, since + 2000);
    expect(core.tasks.get("a.1")?.unreachableInactive).toBe(true);
    expect(events).toContain("instance_changed_event:UnreachableInactive");
    expect(core.launchNeed(core.apps.get("/a") as never)).toBe(1);
    expect(kills).toEqual([]);
    expireUnreachable(core, since + 4000);
    expect(core.tasks.get("a.1")).toBeUndefined();
    expect(kills).toEqual(["a.1"]);
  });

  it("counts a task that reports again as it was", () => {
    const { core, update } = setup();
    const app = core.apps.get("/a");
    if (app)
      core.apps.put({ ...app, unreachableStrategy: { inactiveAfterSeconds: 1, expungeAfterSeconds: 9 } });
    update("a.1", "TASK_UNREACHABLE");
    expireUnreachable(core, Date.now() + 1000);
    expect(core.launchNeed(core.apps.get("/a") as never)).toBe(1);
    update("a.1", "TASK_RUNNING");
    expect(core.tasks.get("a.1")).not.toHaveProperty("unreachableSince");
    expect(core.launchNeed(core.apps.get("/a") as never)).toBe(0);
  });
});

describe("handleStatus with unreachableStrategy disabled", () => {
  it("keeps an unreachable task instead of replacing it", () => {
    const { core, kills, update } = setup();
    const app = core.apps.get("/a");
    if (app) core.apps.put({ ...app, unreachableStrategy: "disabled" });
    update("a.1", "TASK_UNREACHABLE");
    expect(core.tasks.get("a.1")?.state).toBe("TASK_UNREACHABLE");
    expect(kills).toEqual([]);
    expect(core.launchNeed(core.apps.get("/a") as never)).toBe(0);
  });
});
