import { describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import type { Offer } from "../../mesos/offer.js";
import type { TaskInfo } from "../../mesos/task.js";
import type { SchedulerDriver } from "../framework/driver.js";
import { normalizeApp } from "../model/app-normalize.js";
import { stampVersion } from "../model/app-versioning.js";
import { MarathonCore } from "./marathon-core.js";
import { handleOffers } from "./offer-round.js";

function fakeDriver() {
  const calls: Array<{ call: string; arg?: unknown; filters?: unknown }> = [];
  const driver = {
    launch: async (offer: unknown, tasks: TaskInfo[]) => void calls.push({ call: "launch", arg: tasks }),
    decline: async (offer: unknown, filters?: unknown) => void calls.push({ call: "decline", filters }),
    kill: async (taskId: unknown) => void calls.push({ call: "kill", arg: taskId }),
    revive: async () => void calls.push({ call: "revive" }),
    suppress: async () => void calls.push({ call: "suppress" }),
    reconcile: async () => void calls.push({ call: "reconcile" }),
    acknowledge: async () => void calls.push({ call: "acknowledge" }),
  } as unknown as SchedulerDriver;
  return { driver, calls };
}

const offer = (n: number): Offer => ({
  id: { value: `o${n}` },
  framework_id: { value: "f" },
  agent_id: { value: `a${n}` },
  hostname: `host-${n}`,
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: 1 } },
    { name: "mem", type: "SCALAR", scalar: { value: 1024 } },
    { name: "ports", type: "RANGES", ranges: { range: [{ begin: 31000, end: 31010 }] } },
  ],
});

function setup() {
  const core = new MarathonCore({ logger: silentLogger(), servicePorts: { min: 10000, max: 10010 } });
  const { driver, calls } = fakeDriver();
  core.driver = driver;
  return { core, calls };
}

const deployApp = (core: MarathonCore, extra: Record<string, unknown>) =>
  core.deploy(
    {
      "/a": stampVersion(
        undefined,
        { ...normalizeApp({ id: "/a", cmd: "x", cpus: 0.4, mem: 64, ...extra }), version: "" },
        "v1",
      ),
    },
    "v1",
    false,
  );

describe("handleOffers", () => {
  it("declines with a long refuse filter and suppresses when there is nothing to launch", async () => {
    const { core, calls } = setup();
    await handleOffers(core, [offer(1)]);
    expect(calls).toEqual([{ call: "decline", filters: { refuse_seconds: 120 } }, { call: "suppress" }]);
  });

  it("revives on new work, fills offers as far as they go, then suppresses", async () => {
    const { core, calls } = setup();
    await handleOffers(core, [offer(1)]);
    calls.length = 0;
    deployApp(core, { instances: 3 });
    expect(calls).toEqual([{ call: "revive" }]);
    await handleOffers(core, [offer(1), offer(2)]);
    const launches = calls.filter((c) => c.call === "launch").map((c) => (c.arg as TaskInfo[]).length);
    expect(launches).toEqual([2, 1]);
    expect(calls[calls.length - 1]).toEqual({ call: "suppress" });
    expect(core.tasks.ofApp("/a")).toHaveLength(3);
    expect(new Set(core.tasks.ofApp("/a").map((t) => t.host))).toEqual(new Set(["host-1", "host-2"]));
  });

  it("keeps work waiting when constraints refuse the offer, declining only briefly", async () => {
    const { core, calls } = setup();
    deployApp(core, { instances: 2, constraints: [["hostname", "UNIQUE"]] });
    await handleOffers(core, [offer(1)]);
    calls.length = 0;
    await handleOffers(core, [offer(1)]);
    expect(calls).toEqual([{ call: "decline", filters: { refuse_seconds: 1 } }]);
  });

  it("remembers the offer an app could not use, with its resources and why", async () => {
    const { core } = setup();
    deployApp(core, { instances: 1, cpus: 2 });
    await handleOffers(core, [offer(1)]);
    expect(core.tasks.ofApp("/a")).toHaveLength(0);
    const [unused, ...rest] = core.offerStats.lastUnusedOffers("/a");
    expect(rest).toEqual([]);
    expect(unused).toMatchObject({
      offer: { id: "o1", agentId: "a1", hostname: "host-1", attributes: [] },
      reason: ["InsufficientCpus"],
    });
    expect(unused?.offer.resources).toEqual([
      { name: "cpus", role: "*", scalar: 1 },
      { name: "mem", role: "*", scalar: 1024 },
      { name: "ports", role: "*", ranges: [{ begin: 31000, end: 31010 }] },
    ]);
  });

  it("assigns unique service ports from the configured range", () => {
    const { core } = setup();
    deployApp(core, { portDefinitions: [{ port: 0 }, { port: 10000 }, { port: 0 }] });
    expect(core.apps.get("/a")?.portDefinitions.map((p) => p.port)).toEqual([10001, 10000, 10002]);
  });
});
