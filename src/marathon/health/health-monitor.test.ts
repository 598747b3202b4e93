import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { MarathonCore } from "../core/marathon-core.js";
import type { SchedulerDriver } from "../framework/driver.js";
import { normalizeApp } from "../model/app-normalize.js";
import { stampVersion } from "../model/app-versioning.js";
import { HealthMonitor } from "./health-monitor.js";

describe("HealthMonitor", () => {
  let monitor: HealthMonitor | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    monitor?.stop();
    monitor = undefined;
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  const failingPort = async (): Promise<number> => {
    const created = createServer((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    server = created;
    await new Promise<void>((resolve) => created.listen(0, "127.0.0.1", resolve));
    return (created.address() as AddressInfo).port;
  };

  async function watchFailingTask(maxConsecutiveFailures: number) {
    const port = await failingPort();
    const kills: string[] = [];
    const events: string[] = [];
    const core = new MarathonCore({ logger: silentLogger(), servicePorts: { min: 10000, max: 10010 } });
    core.driver = {
      kill: async (taskId: string | { value: string }) =>
        void kills.push(typeof taskId === "string" ? taskId : taskId.value),
      revive: async () => undefined,
      suppress: async () => undefined,
    } as unknown as SchedulerDriver;
    const healthChecks = [
      { protocol: "HTTP", port, intervalSeconds: 0.02, timeoutSeconds: 1, gracePeriodSeconds: 0 },
    ];
    const input = {
      id: "/a",
      cmd: "x",
      healthChecks: healthChecks.map((h) => ({ ...h, maxConsecutiveFailures })),
    };
    core.deploy(
      { "/a": stampVersion(undefined, { ...normalizeApp(input), version: "" }, "v1") },
      "v1",
      false,
    );
    core.tasks.put({
      id: "a.1",
      appId: "/a",
      agentId: "ag",
      host: "127.0.0.1",
      state: "TASK_RUNNING",
      stagedAt: new Date(0).toISOString(),
      startedAt: new Date(0).toISOString(),
      version: "v1",
      configVersion: "v1",
      placement: { hostname: "127.0.0.1" },
      ports: [],
      servicePorts: [],
      ipAddresses: [],
      healthResults: [],
    });
    core.events.subscribe((e) => events.push(e.eventType as string));
    monitor = new HealthMonitor(core);
    monitor.sync();
    const failuresReach = async (count: number) => {
      for (
        let i = 0;
        i < 200 && (core.tasks.get("a.1")?.healthResults[0]?.consecutiveFailures ?? 0) < count;
        i++
      )
        await new Promise((resolve) => setTimeout(resolve, 10));
      return core.tasks.get("a.1")?.healthResults[0];
    };
    return { core, kills, events, failuresReach };
  }

  it("kills the task after maxConsecutiveFailures failed probes", async () => {
    const { kills, events, failuresReach } = await watchFailingTask(2);
    expect((await failuresReach(2))?.consecutiveFailures).toBeGreaterThanOrEqual(2);
    expect(kills).toEqual(["a.1"]);
    expect(events).toContain("unhealthy_instance_kill_event");
  });

  it("never kills the task when maxConsecutiveFailures is 0", async () => {
    const { kills, events, failuresReach } = await watchFailingTask(0);
    const result = await failuresReach(6);
    expect(result).toMatchObject({ alive: false, lastFailureCause: "500 Internal Server Error" });
    expect(result?.consecutiveFailures).toBeGreaterThanOrEqual(6);
    expect(kills).toEqual([]);
    expect(events).toContain("failed_health_check_event");
    expect(events).not.toContain("unhealthy_instance_kill_event");
  });
});
