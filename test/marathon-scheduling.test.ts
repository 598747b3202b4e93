import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster;

beforeAll(async () => {
  cluster = await startMarathonCluster({
    agents: [
      { hostname: "a.local", attributes: "rack:r1" },
      { hostname: "b.local", attributes: "rack:r2" },
    ],
  });
});
afterAll(async () => {
  await cluster?.close();
});

interface TaskJson {
  id: string;
  host: string;
  state: string;
}
const tasksOf = async (id: string): Promise<TaskJson[]> =>
  (await cluster.api(`/v2/apps${id}/tasks`)).json?.tasks ?? [];
const running = async (id: string) => (await tasksOf(id)).filter((t) => t.state === "TASK_RUNNING");
const create = (body: Record<string, unknown>) =>
  cluster.api("/v2/apps", { method: "POST", body: { cmd: "run=forever", cpus: 0.1, mem: 16, ...body } });
const deploymentIds = async (): Promise<string[]> =>
  ((await cluster.api("/v2/deployments")).json as Array<{ id: string }>).map((d) => d.id);
const destroy = (id: string) => cluster.api(`/v2/apps${id}?force=true`, { method: "DELETE" });

describe("placement", () => {
  it("places tasks as the constraints say", async () => {
    await create({ id: "/unique", instances: 2, constraints: [["hostname", "UNIQUE"]] });
    await create({ id: "/cluster", instances: 3, constraints: [["rack", "CLUSTER", "r2"]] });
    await until("unique placed", async () => (await running("/unique")).length === 2);
    await until("cluster placed", async () => (await running("/cluster")).length === 3);
    expect(new Set((await running("/unique")).map((t) => t.host))).toEqual(new Set(["a.local", "b.local"]));
    expect(new Set((await running("/cluster")).map((t) => t.host))).toEqual(new Set(["b.local"]));

    await cluster.api("/v2/apps/unique", { method: "PUT", body: { instances: 3 } });
    const item = await until("queue shows the task that cannot be placed", async () => {
      const queue = (await cluster.api("/v2/queue")).json.queue as Array<{
        app: { id: string };
        count: number;
        processedOffersSummary: {
          unusedOffersCount: number;
          rejectSummaryLastOffers: Array<{ reason: string }>;
        };
      }>;
      return queue.find(
        (q) => q.app.id === "/unique" && q.count === 1 && q.processedOffersSummary.unusedOffersCount > 0,
      );
    });
    expect(item.processedOffersSummary.rejectSummaryLastOffers.map((r) => r.reason)).toContain(
      "UnfulfilledConstraint",
    );
    expect(item).not.toHaveProperty("lastUnusedOffers");
    const embedded = (await cluster.api("/v2/queue?embed=lastUnusedOffers")).json.queue.find(
      (q: { app: { id: string } }) => q.app.id === "/unique",
    );
    const unused = embedded.lastUnusedOffers as Array<{
      offer: { hostname: string; agentId: string; attributes: unknown[]; resources: Array<{ name: string }> };
      reason: string[];
      timestamp: string;
    }>;
    expect(unused.length).toBeGreaterThan(0);
    const last = unused[unused.length - 1];
    expect(last?.reason).toEqual(["UnfulfilledConstraint"]);
    expect(["a.local", "b.local"]).toContain(last?.offer.hostname);
    expect(last?.offer).toMatchObject({
      id: expect.any(String),
      agentId: expect.any(String),
      attributes: [{ name: "rack", text: expect.stringMatching(/^r[12]$/) }],
    });
    expect(last?.offer.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(["cpus", "mem", "ports"]),
    );
    expect(Date.parse(last?.timestamp ?? "")).not.toBeNaN();
    await new Promise((r) => setTimeout(r, 300));
    expect(await running("/unique")).toHaveLength(2);
    await destroy("/unique");
    await destroy("/cluster");
  });
});

describe("deployments", () => {
  it("answers 409 for a locked app, lets force through, and cancels with rollback or force", async () => {
    const created = await create({
      id: "/stuck",
      instances: 1,
      constraints: [["rack", "CLUSTER", "nowhere"]],
    });
    const stuckId = created.headers.get("marathon-deployment-id") as string;
    const locked = await cluster.api("/v2/apps/stuck", {
      method: "PUT",
      body: { cmd: "run=forever exit=0" },
    });
    expect(locked.status).toBe(409);
    expect(locked.json).toEqual({
      message: `App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/${stuckId}'.`,
      deployments: [{ id: stuckId }],
    });
    const deployments = (await cluster.api("/v2/deployments")).json as Array<{ id: string }>;
    expect(deployments.find((d) => d.id === stuckId)).toMatchObject({
      id: stuckId,
      affectedApps: ["/stuck"],
      currentStep: 2,
      totalSteps: 2,
    });

    const forced = await cluster.api("/v2/apps/stuck?force=true", { method: "PUT", body: { instances: 2 } });
    expect(forced.status).toBe(200);
    const ids = ((await cluster.api("/v2/deployments")).json as Array<{ id: string }>).map((d) => d.id);
    expect(ids).toContain(forced.json.deploymentId);
    expect(ids).not.toContain(stuckId);

    const rollback = await cluster.api(`/v2/deployments/${forced.json.deploymentId}`, { method: "DELETE" });
    expect(rollback.status).toBe(200);
    expect(rollback.headers.get("marathon-deployment-id")).toBe(rollback.json.deploymentId);
    expect((await cluster.api("/v2/apps/stuck")).json.app.instances).toBe(1);
    const cancel = await cluster.api(`/v2/deployments/${rollback.json.deploymentId}?force=true`, {
      method: "DELETE",
    });
    expect(cancel.status).toBe(202);
    expect(await deploymentIds()).not.toContain(rollback.json.deploymentId);
    expect((await cluster.api("/v2/deployments/nope", { method: "DELETE" })).json).toEqual({
      message: "DeploymentPlan nope does not exist",
    });
    await destroy("/stuck");
  });
});

describe("failures and kills", () => {
  it("kills a task that fails its health check and starts a replacement", async () => {
    const events: string[] = [];
    const off = cluster.marathon.core.events.subscribe((e) => events.push(e.eventType));
    try {
      const healthCheck = {
        protocol: "TCP",
        intervalSeconds: 1,
        timeoutSeconds: 1,
        gracePeriodSeconds: 0,
        maxConsecutiveFailures: 1,
      };
      await create({ id: "/sick", instances: 1, healthChecks: [healthCheck], backoffSeconds: 0 });
      const first = await until("a running task", async () => (await running("/sick"))[0]);
      await until("replaced", async () => (await running("/sick")).some((t) => t.id !== first.id));
      expect(events).toEqual(
        expect.arrayContaining([
          "add_health_check_event",
          "failed_health_check_event",
          "unhealthy_instance_kill_event",
        ]),
      );
      const app = (await cluster.api("/v2/apps/sick")).json.app;
      expect(app.tasksHealthy).toBe(0);
    } finally {
      off();
      await destroy("/sick");
    }
  });

  it("backs a failing app off as configured and resets the delay on request", async () => {
    await create({
      id: "/failing",
      cmd: "exit=1",
      instances: 1,
      backoffSeconds: 2,
      backoffFactor: 2,
      maxLaunchDelaySeconds: 60,
    });
    const queueItem = async () =>
      (
        (await cluster.api("/v2/queue")).json.queue as Array<{
          app: { id: string };
          delay: { timeLeftSeconds: number; overdue: boolean };
        }>
      ).find((q) => q.app.id === "/failing");
    const delayed = await until("a launch delay", async () => {
      const item = await queueItem();
      return item && item.delay.timeLeftSeconds > 0 ? item : undefined;
    });
    expect(delayed.delay.overdue).toBe(false);
    const app = (await cluster.api("/v2/apps/failing")).json.app;
    expect(app.lastTaskFailure).toMatchObject({ appId: "/failing", state: "TASK_FAILED" });
    const firstFailure = app.lastTaskFailure.taskId;
    await new Promise((r) => setTimeout(r, 1000));
    expect((await cluster.api("/v2/apps/failing")).json.app.lastTaskFailure.taskId).toBe(firstFailure);
    expect((await cluster.api("/v2/queue/failing/delay", { method: "DELETE" })).status).toBe(204);
    await until(
      "relaunched after the reset",
      async () => (await cluster.api("/v2/apps/failing")).json.app.lastTaskFailure.taskId !== firstFailure,
    );
    expect((await cluster.api("/v2/queue/nothing/delay", { method: "DELETE" })).status).toBe(404);
    await destroy("/failing");
  });

  it("kills tasks with and without scale, refuses scale with wipe, and replaces killed tasks", async () => {
    const created = await create({ id: "/kills", instances: 3 });
    await until("3 running", async () => (await running("/kills")).length === 3);
    await until(
      "deployment done",
      async () => !(await deploymentIds()).includes(created.headers.get("marathon-deployment-id") ?? ""),
    );
    const [first, second] = await running("/kills");
    expect(
      (await cluster.api("/v2/apps/kills/tasks?scale=true&wipe=true", { method: "DELETE" })).json,
    ).toEqual({
      message: "You cannot use scale and wipe at the same time.",
    });
    const killed = await cluster.api(`/v2/apps/kills/tasks/${first?.id}`, { method: "DELETE" });
    expect(killed.json.task.id).toBe(first?.id);
    await until("replaced", async () => {
      const now = await running("/kills");
      return now.length === 3 && !now.some((t) => t.id === first?.id);
    });
    const scaled = await cluster.api("/v2/tasks/delete?scale=true", {
      method: "POST",
      body: { ids: [second?.id] },
    });
    expect(Object.keys(scaled.json)).toEqual(["deploymentId", "version"]);
    await until(
      "scaled to 2",
      async () => (await running("/kills")).length === 2 && (await tasksOf("/kills")).length === 2,
    );
    expect((await cluster.api("/v2/apps/kills")).json.app.instances).toBe(2);
    expect((await cluster.api("/v2/tasks/delete", { method: "POST", body: { ids: ["bad"] } })).json).toEqual({
      message: "Invalid task id 'bad'",
    });
    await destroy("/kills");
    await until(
      "every deployment finished",
      async () => (await deploymentIds()).length === 0 || undefined,
      5000,
    ).catch(async (error) => {
      console.log(JSON.stringify((await cluster.api("/v2/deployments")).json));
      throw error;
    });
    expect((await cluster.api("/v2/apps")).json).toEqual({ apps: [] });
  });
});
