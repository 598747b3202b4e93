import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { HealthCheck } from "../../mesos/health-check.js";
import { commandTask, TEST_FRAMEWORK } from "../testing/fake-master.js";
import { startAgentFixture, type AgentFixture } from "../testing/agent-fixture.js";

const fast = { delay_seconds: 0, interval_seconds: 0.1, timeout_seconds: 1, grace_period_seconds: 0 };

describe("health checks", () => {
  let fixture: AgentFixture | undefined;
  let server: Server | undefined;
  let serverStatus = 200;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
    server?.close();
    server = undefined;
  });

  const startServer = async (): Promise<number> => {
    server = createServer((_req, res) => {
      res.statusCode = serverStatus;
      res.end();
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    return (server.address() as { port: number }).port;
  };

  const runWithCheck = (id: string, check: HealthCheck) =>
    fixture?.master.runTask(TEST_FRAMEWORK, commandTask(id, "sleep 30", { health_check: check }));

  it("reports the first healthy HTTP and TCP results once, as TASK_RUNNING with healthy", async () => {
    const port = await startServer();
    fixture = await startAgentFixture();
    const { master } = fixture;
    runWithCheck("http", { type: "HTTP", http: { port, path: "/health" }, ...fast });
    runWithCheck("tcp", { type: "TCP", tcp: { port }, ...fast });
    for (const id of ["http", "tcp"]) {
      const healthy = await master.waitFor(() => master.updates(id).find((s) => s.healthy === true));
      expect(healthy).toMatchObject({
        state: "TASK_RUNNING",
        reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED",
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(
      new Set(
        master
          .updates("http")
          .filter((s) => s.healthy)
          .map((s) => s.uuid),
      ).size,
    ).toBe(1);

    serverStatus = 500;
    const unhealthy = await master.waitFor(() => master.updates("http").find((s) => s.healthy === false));
    expect(unhealthy.state).toBe("TASK_RUNNING");
  });

  it("kills the task after consecutive_failures unhealthy results", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    runWithCheck("sick", {
      type: "COMMAND",
      command: { shell: true, value: "exit 1" },
      consecutive_failures: 2,
      ...fast,
    });
    const killed = await master.waitForState("sick", "TASK_KILLED");
    expect(killed.healthy).toBe(false);
    const unhealthy = master.states("sick").filter((s) => s === "TASK_RUNNING").length;
    expect(unhealthy).toBe(3);
  });

  it("kills on the first counted failure when consecutive_failures is 0, as Mesos does", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    runWithCheck("fragile", {
      type: "COMMAND",
      command: { shell: true, value: "exit 1" },
      consecutive_failures: 0,
      ...fast,
    });
    const killed = await master.waitForState("fragile", "TASK_KILLED");
    expect(killed.healthy).toBe(false);
    expect(master.states("fragile").filter((s) => s === "TASK_RUNNING")).toHaveLength(2);
  });

  it("ignores failures inside the grace period", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    runWithCheck("patient", {
      type: "COMMAND",
      command: { shell: true, value: "exit 1" },
      consecutive_failures: 1,
      ...fast,
      grace_period_seconds: 30,
    });
    await master.waitForState("patient", "TASK_RUNNING");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(master.states("patient")).toEqual(["TASK_STARTING", "TASK_RUNNING"]);
  });
});
