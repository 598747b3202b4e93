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

describe("agent API", () => {
  it("describes itself as a bootstrapped one-server dc1", async () => {
    const self = await t.get("/v1/agent/self");
    expect(self.status).toBe(200);
    expect(self.json).toMatchObject({
      Config: { Datacenter: "dc1", NodeName: "node1", Server: true, Domain: "consul." },
      Member: {
        Name: "node1",
        Addr: "127.0.0.1",
        Port: 8301,
        Status: 1,
        Tags: { role: "consul", dc: "dc1" },
      },
    });
    expect((await t.get("/v1/agent/members")).json).toMatchObject([{ Name: "node1", Status: 1 }]);
    expect((await t.get("/v1/status/leader")).json).toBe("127.0.0.1:8300");
    expect((await t.get("/v1/status/peers")).json).toEqual(["127.0.0.1:8300"]);
    expect((await t.get("/v1/catalog/datacenters")).json).toEqual(["dc1"]);
  });

  it("registers a service with a TTL check, takes updates, and deregisters it", async () => {
    const put = await register({
      ID: "web-1",
      Name: "web",
      Tags: ["v1"],
      Address: "10.0.0.5",
      Port: 8080,
      Check: { TTL: "30s" },
    });
    expect(put).toMatchObject({ status: 200, text: "" });
    expect((await t.get("/v1/agent/services")).json).toMatchObject({
      consul: { ID: "consul", Service: "consul", Port: 8300 },
      "web-1": { ID: "web-1", Service: "web", Tags: ["v1"], Address: "10.0.0.5", Port: 8080 },
    });
    expect((await t.get("/v1/agent/checks")).json).toMatchObject({
      "service:web-1": {
        CheckID: "service:web-1",
        Name: "Service 'web' check",
        Status: "critical",
        ServiceID: "web-1",
      },
    });
    expect((await t.get("/v1/health/service/web?passing")).json).toEqual([]);
    expect((await t.call("PUT", "/v1/agent/check/pass/service:web-1?note=fine")).status).toBe(200);
    const healthy = (await t.get("/v1/health/service/web?passing")).json as Array<{
      Checks: Array<{ CheckID: string; Status: string; Output: string }>;
    }>;
    expect(healthy).toHaveLength(1);
    expect(healthy[0]).toMatchObject({
      Node: { Node: "node1", Address: "127.0.0.1", Datacenter: "dc1" },
      Service: { ID: "web-1", Service: "web", Tags: ["v1"], Address: "10.0.0.5", Port: 8080 },
    });
    expect(healthy[0]?.Checks.map((c) => [c.CheckID, c.Status])).toEqual([
      ["serfHealth", "passing"],
      ["service:web-1", "passing"],
    ]);
    expect(healthy[0]?.Checks[1]?.Output).toBe("fine");
    expect(
      (
        await t.call(
          "PUT",
          "/v1/agent/check/update/service:web-1",
          JSON.stringify({ Status: "warning", Output: "slow" }),
        )
      ).status,
    ).toBe(200);
    expect((await t.get("/v1/health/state/warning")).json).toMatchObject([
      { CheckID: "service:web-1", Output: "slow" },
    ]);
    expect((await t.call("PUT", "/v1/agent/service/deregister/web-1")).status).toBe(200);
    expect((await t.get("/v1/catalog/service/web")).json).toEqual([]);
    expect((await t.get("/v1/agent/checks")).json).toEqual({});
  });

  it("answers bad input with Consul's status codes and texts", async () => {
    expect(await t.call("PUT", "/v1/agent/service/register", "{")).toMatchObject({
      status: 400,
      text: "Request decode failed: unexpected EOF",
    });
    expect(await t.call("PUT", "/v1/agent/service/register", "")).toMatchObject({
      status: 400,
      text: "Request decode failed: EOF",
    });
    expect(await register({ Port: 80 })).toMatchObject({ status: 400, text: "Missing service name" });
    expect(await register({ Name: "x", Port: "80" })).toMatchObject({
      status: 400,
      text: "Request decode failed: json: cannot unmarshal string into Go struct field structs.ServiceDefinition.Port of type int",
    });
    expect(await register({ Name: "x", Check: { HTTP: "http://127.0.0.1:1/" } })).toMatchObject({
      status: 400,
      text: "Must provide TTL or Script/DockerContainerID/HTTP/TCP and Interval",
    });
    expect(await t.call("PUT", "/v1/agent/service/deregister/nope")).toMatchObject({
      status: 404,
      text: 'Unknown service ID "nope". Ensure that the service ID is passed, not the service name.',
    });
    expect(await t.call("PUT", "/v1/agent/check/pass/nope")).toMatchObject({ status: 404 });
    expect(await t.call("PUT", "/v1/agent/check/update/x", JSON.stringify({ Status: "bad" }))).toMatchObject({
      status: 400,
      text: "Invalid check status: 'bad'",
    });
    expect(await t.call("PUT", "/v1/agent/check/register", JSON.stringify({ TTL: "10s" }))).toMatchObject({
      status: 400,
      text: "Missing check name",
    });
    expect((await t.call("DELETE", "/v1/agent/services")).status).toBe(405);
    expect(await t.get("/v1/health/state/bogus")).toMatchObject({ status: 400, text: "Bad check state" });
    expect(await t.get("/v1/catalog/services?dc=dc9")).toMatchObject({
      status: 500,
      text: "No path to datacenter",
    });
  });

  it("accepts lower-case keys as Go's decoder does, and runs HTTP and TCP checks", async () => {
    expect(
      (
        await register({
          name: "self",
          port: t.consul.port,
          check: { http: `${t.consul.url}/v1/status/leader`, interval: "10s" },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.call(
          "PUT",
          "/v1/agent/check/register",
          JSON.stringify({ Name: "tcp", TCP: `127.0.0.1:${t.consul.port}`, Interval: "10s" }),
        )
      ).status,
    ).toBe(200);
    const deadline = Date.now() + 3000;
    let checks: Record<string, { Status: string; Output: string }> = {};
    while (Date.now() < deadline) {
      checks = (await t.get("/v1/agent/checks")).json as typeof checks;
      if (Object.values(checks).every((c) => c.Status === "passing")) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(checks["service:self"]).toMatchObject({ Status: "passing" });
    expect(checks["service:self"]?.Output).toMatch(/^HTTP GET .*: 200 OK Output: "127.0.0.1:8300"$/);
    expect(checks.tcp).toMatchObject({
      Status: "passing",
      Output: `TCP connect 127.0.0.1:${t.consul.port}: Success`,
    });
  });
});
