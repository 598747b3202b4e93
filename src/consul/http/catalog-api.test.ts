import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestConsul } from "./test-consul.js";

let t: Awaited<ReturnType<typeof startTestConsul>>;
beforeEach(async () => {
  t = await startTestConsul();
});
afterEach(async () => {
  await t.consul.stop();
});

const register = (body: unknown) => t.call("PUT", "/v1/agent/service/register", JSON.stringify(body));

describe("catalog and health API", () => {
  it("lists services with their tags, one service's instances, nodes and one node", async () => {
    await register({
      ID: "h:redis:6379",
      Name: "redis",
      Tags: ["master", "v1"],
      Address: "10.0.0.7",
      Port: 6379,
    });
    await register({ ID: "h:redis2:6379", Name: "redis", Tags: ["v1"], Port: 6380 });
    expect((await t.get("/v1/catalog/services")).json).toEqual({ consul: [], redis: ["master", "v1"] });
    const instances = (await t.get("/v1/catalog/service/redis")).json as Array<Record<string, unknown>>;
    expect(instances).toHaveLength(2);
    expect(instances[0]).toMatchObject({
      Node: "node1",
      Address: "127.0.0.1",
      Datacenter: "dc1",
      ServiceID: "h:redis2:6379",
      ServiceName: "redis",
      ServiceTags: ["v1"],
      ServiceAddress: "",
      ServicePort: 6380,
    });
    expect((await t.get("/v1/catalog/service/redis?tag=master")).json).toMatchObject([
      { ServiceID: "h:redis:6379" },
    ]);
    expect((await t.get("/v1/catalog/service/nothing")).json).toEqual([]);
    expect((await t.get("/v1/catalog/nodes")).json).toMatchObject([{ Node: "node1", Address: "127.0.0.1" }]);
    const node = (await t.get("/v1/catalog/node/node1")).json as { Services: Record<string, unknown> };
    expect(Object.keys(node.Services).sort()).toEqual(["consul", "h:redis2:6379", "h:redis:6379"]);
    expect((await t.get("/v1/catalog/node/ghost")).text).toBe("null");
    expect((await t.get("/v1/health/service/consul")).json).toMatchObject([
      { Service: { ID: "consul" }, Checks: [{ CheckID: "serfHealth", Status: "passing" }] },
    ]);
  });

  it("registers and deregisters external nodes through the catalog", async () => {
    const body = {
      Node: "ext",
      Address: "192.0.2.10",
      Service: { ID: "db1", Service: "db", Port: 5432 },
      Check: { CheckID: "db-alive", Name: "alive", Status: "passing", ServiceID: "db1" },
    };
    expect((await t.call("PUT", "/v1/catalog/register", JSON.stringify(body))).json).toBe(true);
    expect((await t.get("/v1/health/service/db?passing")).json).toMatchObject([
      {
        Node: { Node: "ext", Address: "192.0.2.10" },
        Service: { ID: "db1", Port: 5432 },
        Checks: [{ CheckID: "db-alive" }],
      },
    ]);
    expect((await t.get("/v1/health/checks/db")).json).toMatchObject([
      { CheckID: "db-alive", ServiceName: "db" },
    ]);
    expect((await t.get("/v1/health/node/ext")).json).toMatchObject([{ CheckID: "db-alive" }]);
    expect(await t.call("PUT", "/v1/catalog/register", JSON.stringify({ Node: "x" }))).toMatchObject({
      status: 400,
    });
    expect((await t.call("PUT", "/v1/catalog/deregister", JSON.stringify({ Node: "ext" }))).json).toBe(true);
    expect((await t.get("/v1/catalog/service/db")).json).toEqual([]);
    expect((await t.get("/v1/catalog/nodes")).json).toHaveLength(1);
  });

  it("blocks a health read until the service changes", async () => {
    await register({ ID: "a", Name: "api", Port: 1 });
    const first = await t.get("/v1/health/service/api");
    const index = Number(first.headers.get("x-consul-index"));
    const blocked = t.get(`/v1/health/service/api?index=${index}&wait=10s`);
    await new Promise((r) => setTimeout(r, 50));
    await register({ ID: "other", Name: "other", Port: 2 });
    await register({ ID: "b", Name: "api", Port: 2 });
    const changed = await blocked;
    expect(Number(changed.headers.get("x-consul-index"))).toBeGreaterThan(index);
    expect((changed.json as unknown[]).length).toBe(2);
  });

  it("keeps KV and registrations in its data dir across restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "consul-data-"));
    try {
      const first = await startTestConsul({ dataDir: dir });
      await first.call(
        "PUT",
        "/v1/agent/service/register",
        JSON.stringify({ ID: "w", Name: "web", Port: 80 }),
      );
      await first.call("PUT", "/v1/kv/k", "v");
      const nodeId = ((await first.get("/v1/agent/self")).json as { Config: { NodeID: string } }).Config
        .NodeID;
      const index = Number((await first.get("/v1/kv/k")).headers.get("x-consul-index"));
      await first.consul.stop();
      const second = await startTestConsul({ dataDir: dir });
      try {
        expect((await second.get("/v1/kv/k?raw")).text).toBe("v");
        expect((await second.get("/v1/catalog/service/web")).json).toMatchObject([
          { ServiceID: "w", ServicePort: 80 },
        ]);
        expect(
          ((await second.get("/v1/agent/self")).json as { Config: { NodeID: string } }).Config.NodeID,
        ).toBe(nodeId);
        await second.call("PUT", "/v1/kv/k2", "v");
        expect(Number((await second.get("/v1/kv/k2")).headers.get("x-consul-index"))).toBeGreaterThan(index);
      } finally {
        await second.consul.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
