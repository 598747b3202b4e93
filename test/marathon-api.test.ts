import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster;

beforeAll(async () => {
  cluster = await startMarathonCluster();
});
afterAll(async () => {
  await cluster?.close();
});

const runningTasks = async (id: string) =>
  ((await cluster.api(`/v2/apps${id}/tasks`)).json?.tasks ?? []).filter(
    (t: { state: string }) => t.state === "TASK_RUNNING",
  );
const deploymentGone = async (id: string) =>
  !((await cluster.api("/v2/deployments")).json as Array<{ id: string }>).some((d) => d.id === id);

describe("Marathon framework and info", () => {
  it("subscribes as 'marathon' with a week of failover and the 1.x capabilities", async () => {
    const frameworkId = await until("framework id", () => cluster.marathon.frameworkId());
    const state = await cluster.masterState();
    const fw = state.frameworks.find((f: { id: string }) => f.id === frameworkId);
    expect(fw).toMatchObject({ name: "marathon", failover_timeout: 604800, checkpoint: true, active: true });
    expect(fw.capabilities).toEqual(expect.arrayContaining(["PARTITION_AWARE", "TASK_KILLING_STATE"]));
    const info = await cluster.api("/v2/info");
    expect(info.json).toMatchObject({
      name: "marathon",
      elected: true,
      frameworkId,
      marathon_config: { framework_name: "marathon", local_port_min: 10000 },
    });
    expect((await cluster.api("/v2/leader")).json).toEqual({ leader: `127.0.0.1:${cluster.marathon.port}` });
    expect((await cluster.api("/ping")).text).toBe("pong");
    expect((await cluster.api("/ping", { headers: { Accept: "application/json" } })).json).toBe("pong");
    expect(Object.keys((await cluster.api("/metrics")).json)).toEqual([
      "version",
      "gauges",
      "counters",
      "histograms",
      "meters",
      "timers",
    ]);
  });

  it("answers unknown routes and pods as described", async () => {
    expect(await cluster.api("/v2/nothing")).toMatchObject({
      status: 500,
      json: { message: "URI not found" },
    });
    expect((await cluster.api("/v2/pods")).status).toBe(404);
    expect(await cluster.api("/v2/apps/missing")).toMatchObject({
      status: 404,
      json: { message: "App '/missing' does not exist" },
    });
  });
});

describe("/v2/apps lifecycle", () => {
  it("creates with 201 and deployment headers, runs the instances, scales, and deletes leaving no task", async () => {
    const created = await cluster.api("/v2/apps", {
      method: "POST",
      body: { id: "web", cmd: "run=forever", instances: 2, cpus: 0.1, mem: 16 },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/v2/apps/web");
    const deploymentId = created.headers.get("marathon-deployment-id");
    expect(created.json).toMatchObject({
      id: "/web",
      instances: 2,
      tasksRunning: 0,
      deployments: [{ id: deploymentId }],
    });
    expect(created.json.portDefinitions[0].port).toBeGreaterThanOrEqual(10000);
    expect(created.json.ports).toEqual([created.json.portDefinitions[0].port]);
    await until("2 running", async () => (await runningTasks("/web")).length === 2);
    await until("deployment done", () => deploymentGone(deploymentId as string));
    expect((await cluster.api("/v2/apps/web", { method: "POST", body: {} })).status).toBe(405);
    expect((await cluster.api("/v2/apps", { method: "POST", body: { id: "web", cmd: "x" } })).json).toEqual({
      message: "An app with id [/web] already exists.",
    });

    const scaled = await cluster.api("/v2/apps/web", { method: "PUT", body: { instances: 3 } });
    expect(scaled.status).toBe(200);
    expect(Object.keys(scaled.json)).toEqual(["deploymentId", "version"]);
    await until("3 running", async () => (await runningTasks("/web")).length === 3);
    const app = (await cluster.api("/v2/apps/web")).json.app;
    expect(app).toMatchObject({ instances: 3, tasksRunning: 3, cmd: "run=forever" });
    expect(app.tasks[0]).toMatchObject({ appId: "/web", state: "TASK_RUNNING", host: "127.0.0.1" });
    expect(app.tasks[0].id).toMatch(/^web\.[0-9a-f-]{36}$/);
    expect(app.tasks[0].ports[0]).toBeGreaterThanOrEqual(31000);
    expect((await cluster.api("/v2/apps/web/versions")).json.versions).toHaveLength(2);
    const servicePort = app.ports[0];
    const text = (await cluster.api("/v2/tasks", { headers: { Accept: "text/plain" } })).text;
    const hosts = app.tasks.map((t: { ports: number[] }) => `127.0.0.1:${t.ports[0]}\t`);
    expect(text.startsWith(`web\t${servicePort}\t`)).toBe(true);
    for (const host of hosts) expect(text).toContain(host);
    expect((await cluster.api("/v2/apps/web/tasks", { headers: { Accept: "text/plain" } })).text).toBe(text);

    const deleted = await cluster.api("/v2/apps/web", { method: "DELETE" });
    expect(deleted.status).toBe(200);
    await until("no task", async () => {
      const state = await cluster.masterState();
      return state.frameworks.every((f: { tasks: unknown[] }) => f.tasks.length === 0);
    });
    expect((await cluster.api("/v2/apps/web")).status).toBe(404);
  });

  it("answers 422 with Marathon's exact bodies", async () => {
    const bad = await cluster.api("/v2/apps", {
      method: "POST",
      body: {
        id: "/Bad_Id",
        instances: -1,
        upgradeStrategy: { minimumHealthCapacity: 1.5 },
        constraints: [["hostname", "UNIQUE", "x"]],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.json).toEqual({
      message: "Object is not valid",
      details: [
        {
          path: "/id",
          errors: [
            "must fully match regular expression '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$'",
          ],
        },
        {
          path: "/",
          errors: ["AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'."],
        },
        { path: "/instances", errors: ["got -1, expected 0 or more"] },
        { path: "/upgradeStrategy/minimumHealthCapacity", errors: ["is greater than 1"] },
        { path: "/constraints(0)", errors: ["UNIQUE does not accept a value"] },
      ],
    });
    const typed = await cluster.api("/v2/apps", { method: "POST", body: { id: 123, cmd: "x" } });
    expect(typed).toMatchObject({
      status: 400,
      json: { message: "Invalid JSON", details: [{ path: "/id", errors: ["error.expected.jsstring"] }] },
    });
    expect((await cluster.api("/v2/apps", { method: "POST", body: "{nope" })).json.message).toBe(
      "Invalid JSON",
    );
  });
});

describe("the 2013 API", () => {
  it("starts an app with POST /v1/apps/start and lists its endpoints as text", async () => {
    const started = await cluster.api("/v1/apps/start", {
      method: "POST",
      body: { id: "legacy", cmd: "run=forever", instances: 2, mem: 16, cpus: 0.1, ports: [0] },
    });
    expect(started.status).toBe(204);
    await until("2 running", async () => (await runningTasks("/legacy")).length === 2);
    const servicePort = (await cluster.api("/v2/apps/legacy")).json.app.ports[0];
    const hostPorts = (await runningTasks("/legacy")).map(
      (t: { ports: number[] }) => `127.0.0.1:${t.ports[0]} `,
    );
    const text = (await cluster.api("/v1/endpoints", { headers: { Accept: "text/plain" } })).text;
    const line = text.split("\n").find((l) => l.startsWith("legacy_"));
    expect(line?.startsWith(`legacy_${servicePort} ${servicePort} `)).toBe(true);
    for (const hp of hostPorts) expect(line).toContain(hp);
    expect((await cluster.api("/v1/endpoints")).json).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: "legacy", ports: [servicePort] })]),
    );
    expect((await cluster.api("/v1/apps/stop", { method: "POST", body: { id: "legacy" } })).status).toBe(204);
    await until("stopped", async () => (await cluster.api("/v2/apps/legacy")).status === 404);
  });
});
