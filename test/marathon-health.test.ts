import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster;

beforeAll(async () => {
  cluster = await startMarathonCluster({ containerizer: "mesos" });
});
afterAll(async () => {
  await cluster?.close();
});

const appInfo = async () => (await cluster.api("/v2/apps/web")).json.app;

describe("an HTTP app with a Marathon health check (real processes)", () => {
  it("becomes healthy, scales to 3, and restarts without dropping below the healthy minimum", async () => {
    const created = await cluster.api("/v2/apps", {
      method: "POST",
      body: {
        id: "/web",
        cmd: "exec python3 -m http.server $PORT0 --bind 127.0.0.1",
        instances: 2,
        cpus: 0.1,
        mem: 32,
        healthChecks: [
          {
            protocol: "HTTP",
            path: "/",
            portIndex: 0,
            intervalSeconds: 1,
            timeoutSeconds: 1,
            gracePeriodSeconds: 20,
          },
        ],
        upgradeStrategy: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 },
      },
    });
    expect(created.status).toBe(201);
    await until("2 healthy", async () => (await appInfo()).tasksHealthy === 2, 20_000);
    const task = (await appInfo()).tasks[0];
    expect(task.healthCheckResults[0]).toMatchObject({ alive: true, consecutiveFailures: 0 });
    expect((await fetch(`http://127.0.0.1:${task.ports[0]}/`)).status).toBe(200);

    const firstTwo = (await appInfo()).tasks.map((t: { id: string }) => t.id);
    const scale = await cluster.api("/v2/apps/web", { method: "PUT", body: { instances: 3 } });
    await until(
      "scale deployment done",
      async () => ((await cluster.api("/v2/deployments")).json as unknown[]).length === 0,
      20_000,
    );
    expect((await appInfo()).tasksHealthy).toBe(3);
    const before = (await appInfo()).tasks.map((t: { id: string }) => t.id);
    expect(before).toEqual(expect.arrayContaining(firstTwo));
    expect(scale.json.deploymentId).toBeTruthy();

    const restart = await cluster.api("/v2/apps/web/restart", { method: "POST" });
    expect(restart.status).toBe(200);
    const minHealthy = Math.ceil(3 * 0.5);
    let lowest = 3;
    await until(
      "restart done",
      async () => {
        const app = await appInfo();
        lowest = Math.min(lowest, app.tasksHealthy);
        const deployments = (await cluster.api("/v2/deployments")).json as Array<{ id: string }>;
        return !deployments.some((d) => d.id === restart.json.deploymentId) && app.tasksHealthy === 3;
      },
      30_000,
    );
    expect(lowest).toBeGreaterThanOrEqual(minHealthy);
    const after = (await appInfo()).tasks.map((t: { id: string }) => t.id);
    expect(after.filter((id: string) => before.includes(id))).toEqual([]);
  }, 60_000);
});

describe("readiness and TCP checks", () => {
  it("holds the deployment until the readiness check passes, and runs TCP checks", async () => {
    const created = await cluster.api("/v2/apps", {
      method: "POST",
      body: {
        id: "/ready",
        cmd: "(sleep 3; touch ready) & exec python3 -m http.server $PORT0 --bind 127.0.0.1",
        instances: 1,
        cpus: 0.1,
        mem: 32,
        portDefinitions: [{ port: 0, name: "http-api" }],
        healthChecks: [{ protocol: "TCP", intervalSeconds: 1, timeoutSeconds: 1, gracePeriodSeconds: 20 }],
        readinessChecks: [
          { path: "/ready", intervalSeconds: 1, timeoutSeconds: 0.5, preserveLastResponse: true },
        ],
      },
    });
    const id = created.headers.get("marathon-deployment-id");
    const notReady = await until("a failed readiness result", async () => {
      const d = (
        (await cluster.api("/v2/deployments")).json as Array<{
          id: string;
          currentActions: Array<{
            readinessCheckResults: Array<{ ready: boolean; lastResponse?: { status: number } }>;
          }>;
        }>
      ).find((x) => x.id === id);
      return d?.currentActions[0]?.readinessCheckResults.find((r) => !r.ready && r.lastResponse);
    });
    expect(notReady).toMatchObject({ name: "readinessCheck", ready: false, lastResponse: { status: 404 } });
    await until(
      "deployment done",
      async () =>
        !((await cluster.api("/v2/deployments")).json as Array<{ id: string }>).some((d) => d.id === id),
      15_000,
    );
    const app = (await cluster.api("/v2/apps/ready")).json.app;
    expect(app.tasksHealthy).toBe(1);
    expect(app.tasks[0].healthCheckResults[0].alive).toBe(true);
  }, 30_000);
});
