import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster;

beforeAll(async () => {
  cluster = await startMarathonCluster();
});
afterAll(async () => {
  await cluster?.close();
});

const ids = (apps: Array<{ id: string }>) => apps.map((a) => a.id).sort();
const settle = () =>
  until("no deployment", async () => ((await cluster.api("/v2/deployments")).json as unknown[]).length === 0);

describe("querying and changing apps", () => {
  it("filters and embeds, patches, rolls back to a version, and manages groups", async () => {
    const group = await cluster.api("/v2/groups", {
      method: "POST",
      body: {
        id: "/prod",
        apps: [
          { id: "api", cmd: "run=forever api", cpus: 0.1, mem: 16, labels: { tier: "backend", env: "prod" } },
          {
            id: "web",
            cmd: "run=forever web",
            cpus: 0.1,
            mem: 16,
            labels: { tier: "frontend" },
            dependencies: ["api"],
          },
        ],
      },
    });
    expect(group.status).toBe(201);
    expect(group.headers.get("location")).toBe("/v2/groups/prod");
    expect((await cluster.api("/v2/groups", { method: "POST", body: { id: "/prod" } })).json).toEqual({
      message: "Group /prod is already created. Use PUT to change this group.",
    });
    await settle();

    expect(ids((await cluster.api("/v2/apps?cmd=WEB")).json.apps)).toEqual(["/prod/web"]);
    expect(ids((await cluster.api("/v2/apps?id=prod/a")).json.apps)).toEqual(["/prod/api"]);
    expect(
      ids(
        (await cluster.api(`/v2/apps?label=${encodeURIComponent("tier in (backend, x), env==prod")}`)).json
          .apps,
      ),
    ).toEqual(["/prod/api"]);
    const embedded = (await cluster.api("/v2/apps?embed=apps.tasks&embed=apps.counts")).json.apps;
    expect(embedded[0].tasks).toHaveLength(1);
    expect((await cluster.api("/v2/apps")).json.apps[0].tasks).toBeUndefined();
    expect(ids((await cluster.api("/v2/apps/prod/*")).json["*"])).toEqual(["/prod/api", "/prod/web"]);
    const tree = (await cluster.api("/v2/groups")).json;
    expect(tree).toMatchObject({ id: "/", apps: [], groups: [{ id: "/prod", groups: [] }], pods: [] });
    expect(ids(tree.groups[0].apps)).toEqual(["/prod/api", "/prod/web"]);
    expect((await cluster.api("/v2/apps/prod/web")).json.app.dependencies).toEqual(["/prod/api"]);
    expect((await cluster.api("/v2/tasks?status=running")).json.tasks).toHaveLength(2);
    expect((await cluster.api("/v2/tasks?status=staging")).json.tasks).toHaveLength(0);

    const firstVersion = (await cluster.api("/v2/apps/prod/api")).json.app.version;
    const patched = await cluster.api("/v2/apps/prod/api", {
      method: "PATCH",
      body: { id: "/ignored", env: { A: "1" } },
    });
    expect(patched.status).toBe(200);
    await settle();
    const after = (await cluster.api("/v2/apps/prod/api")).json.app;
    expect(after).toMatchObject({ env: { A: "1" }, cmd: "run=forever api", labels: { tier: "backend" } });
    expect(after.versionInfo.lastConfigChangeAt).toBe(after.version);
    expect((await cluster.api(`/v2/apps/prod/api/versions/${firstVersion}`)).json).toMatchObject({
      id: "/prod/api",
      env: {},
    });
    const rolledBack = await cluster.api("/v2/apps/prod/api", {
      method: "PUT",
      body: { version: firstVersion },
    });
    expect(rolledBack.status).toBe(200);
    await settle();
    expect((await cluster.api("/v2/apps/prod/api")).json.app.env).toEqual({});
    expect(
      (
        await cluster.api("/v2/apps/prod/api", {
          method: "PUT",
          body: { version: "1999-01-01T00:00:00.000Z" },
        })
      ).json,
    ).toEqual({
      message: "App '/prod/api' does not exist in version 1999-01-01T00:00:00.000Z",
    });

    const put = await cluster.api("/v2/apps/prod/extra", {
      method: "PUT",
      body: { cmd: "run=forever", cpus: 0.1, mem: 16 },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get("location")).toBe("/v2/apps/prod/extra");
    await settle();
    const bulk = await cluster.api("/v2/apps", {
      method: "PUT",
      body: [
        { id: "/prod/extra", instances: 2 },
        { id: "/prod/api", instances: 2 },
      ],
    });
    expect(bulk.status).toBe(200);
    expect(bulk.headers.get("marathon-deployment-id")).toBe(bulk.json.deploymentId);
    await settle();
    const apps = (await cluster.api("/v2/apps?id=prod/")).json.apps as Array<{
      id: string;
      instances: number;
      tasksRunning: number;
    }>;
    expect(apps.map((a) => [a.id, a.instances, a.tasksRunning])).toEqual([
      ["/prod/api", 2, 2],
      ["/prod/extra", 2, 2],
      ["/prod/web", 1, 1],
    ]);
    expect(
      (await cluster.api("/v2/apps", { method: "PATCH", body: [{ id: "/nope", instances: 1 }] })).json,
    ).toEqual({
      message: "App '/nope' does not exist",
    });

    expect((await cluster.api("/v2/groups/prod", { method: "PUT", body: { scaleBy: 1.5 } })).status).toBe(
      200,
    );
    await settle();
    const scaledBy = (await cluster.api("/v2/apps?id=prod/")).json.apps as Array<{
      id: string;
      instances: number;
    }>;
    expect(scaledBy.map((a) => [a.id, a.instances])).toEqual([
      ["/prod/api", 3],
      ["/prod/extra", 3],
      ["/prod/web", 2],
    ]);

    expect((await cluster.api("/v2/groups/prod", { method: "DELETE" })).status).toBe(200);
    await settle();
    expect((await cluster.api("/v2/apps")).json.apps).toEqual([]);
    expect((await cluster.api("/v2/groups/prod")).json).toEqual({ message: "Group '/prod' does not exist" });
    await until("no tasks", async () => (await cluster.api("/v2/tasks")).json.tasks.length === 0);
  });
});
