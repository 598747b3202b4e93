import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsul, type Consul } from "../src/consul/consul.js";
import { startRegistrator, type Registrator } from "../src/registrator/registrator.js";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

const run = promisify(execFile);

let cluster: MarathonCluster;
let consul: Consul;
let registrator: Registrator;

interface HealthEntry {
  Service: { ID: string; Service: string; Tags: string[]; Address: string; Port: number };
}

const consulGet = async (path: string) => {
  const response = await fetch(`${consul.url}${path}`);
  return {
    status: response.status,
    index: Number(response.headers.get("x-consul-index")),
    json: (await response.json()) as unknown,
  };
};
const passing = async (name: string) =>
  (await consulGet(`/v1/health/service/${name}?passing`)).json as HealthEntry[];

const runningTasks = async (id: string) =>
  ((await cluster.api(`/v2/apps${id}/tasks`)).json?.tasks ?? []).filter(
    (t: { state: string }) => t.state === "TASK_RUNNING",
  ) as Array<{ id: string; host: string; ports: number[] }>;

beforeAll(async () => {
  cluster = await startMarathonCluster({ containerizer: "mesos" });
  consul = await startConsul({ httpPort: 0, dnsPort: 0, node: "consul-node" });
  registrator = await startRegistrator({
    master: cluster.master.url,
    registry: `consul://127.0.0.1:${consul.port}`,
    hostname: "reg-host",
  });
  await registrator.ready;
}, 30_000);
afterAll(async () => {
  await registrator?.stop();
  await consul?.stop();
  await cluster?.close();
});

describe("registrator with Marathon tasks", () => {
  it("registers 2 instances × 2 named ports as two Consul services, over HTTP and DNS", async () => {
    const created = await cluster.api("/v2/apps", {
      method: "POST",
      body: {
        id: "/web",
        cmd: "sleep 600",
        instances: 2,
        cpus: 0.1,
        mem: 32,
        portDefinitions: [
          { port: 0, name: "http" },
          { port: 0, name: "admin" },
        ],
        env: { SERVICE_TAGS: "blue,v1" },
      },
    });
    expect(created.status).toBe(201);
    const tasks = await until("2 running tasks", async () => {
      const running = await runningTasks("/web");
      return running.length === 2 ? running : undefined;
    });
    const http = await until("2 web-http instances", async () => {
      const entries = await passing("web-http");
      return entries.length === 2 ? entries : undefined;
    });
    const admin = await until("2 web-admin instances", async () => {
      const entries = await passing("web-admin");
      return entries.length === 2 ? entries : undefined;
    });
    const expected = (portIndex: number) =>
      tasks
        .map((t) => ({
          ID: `reg-host:${t.id}:${t.ports[portIndex]}`,
          Address: "127.0.0.1",
          Port: t.ports[portIndex],
        }))
        .sort((a, b) => (a.ID < b.ID ? -1 : 1));
    const actual = (entries: HealthEntry[]) =>
      entries
        .map((e) => ({ ID: e.Service.ID, Address: e.Service.Address, Port: e.Service.Port }))
        .sort((a, b) => (a.ID < b.ID ? -1 : 1));
    expect(actual(http)).toEqual(expected(0));
    expect(actual(admin)).toEqual(expected(1));
    expect(http[0]?.Service.Tags).toEqual(["blue", "v1"]);
    expect((await consulGet("/v1/catalog/services")).json).toMatchObject({
      consul: [],
      "web-http": ["blue", "v1"],
      "web-admin": ["blue", "v1"],
    });

    const { stdout } = await run("dig", [
      "@127.0.0.1",
      "-p",
      String(consul.dnsPort),
      "web-http.service.consul",
      "SRV",
      "+short",
    ]);
    const srv = stdout
      .trim()
      .split("\n")
      .map((line) => line.split(" "))
      .map(([priority, weight, port, target]) => ({ priority, weight, port: Number(port), target }));
    expect(srv.map((s) => s.port).sort()).toEqual(
      expected(0)
        .map((e) => e.Port)
        .sort(),
    );
    expect(
      srv.every(
        (s) => s.target === "consul-node.node.dc1.consul." || /\.addr\.dc1\.consul\.$/.test(s.target ?? ""),
      ),
    ).toBe(true);
  }, 30_000);

  it("removes a scaled-down instance, and a blocking query returns when it goes", async () => {
    const before = await consulGet("/v1/health/service/web-http");
    expect((before.json as unknown[]).length).toBe(2);
    const blocked = consulGet(`/v1/health/service/web-http?index=${before.index}&wait=20s`);
    const scaled = await cluster.api("/v2/apps/web", { method: "PUT", body: { instances: 1 } });
    expect(scaled.status).toBe(200);
    const changed = await blocked;
    expect(changed.index).toBeGreaterThan(before.index);
    await until("one web-http instance", async () => (await passing("web-http")).length === 1);
    await until("one web-admin instance", async () => (await passing("web-admin")).length === 1);
    const [task] = await until("one running task", async () => {
      const running = await runningTasks("/web");
      return running.length === 1 ? running : undefined;
    });
    expect((await passing("web-http"))[0]?.Service.ID).toBe(`reg-host:${task?.id}:${task?.ports[0]}`);
  }, 30_000);

  it("removes what it registered when it stops, and registers again (cleaning up) when it starts", async () => {
    await registrator.stop();
    expect(await passing("web-http")).toEqual([]);
    registrator = await startRegistrator({
      master: cluster.master.url,
      registry: `consul://127.0.0.1:${consul.port}`,
      hostname: "reg-host",
    });
    await registrator.ready;
    expect(await passing("web-http")).toHaveLength(1);
    await fetch(`${consul.url}/v1/agent/service/register`, {
      method: "PUT",
      body: JSON.stringify({ ID: "reg-host:gone-task:1", Name: "stale", Port: 1 }),
    });
    await registrator.stop();
    registrator = await startRegistrator({
      master: cluster.master.url,
      registry: `consul://127.0.0.1:${consul.port}`,
      hostname: "reg-host",
    });
    await registrator.ready;
    await until(
      "the stale service removed",
      async () => ((await consulGet("/v1/catalog/service/stale")).json as unknown[]).length === 0,
    );
  }, 30_000);
});
