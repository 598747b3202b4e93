import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestConsul } from "./test-consul.js";

let t: Awaited<ReturnType<typeof startTestConsul>>;
beforeEach(async () => {
  t = await startTestConsul();
});
afterEach(async () => {
  await t.consul.stop();
});

const create = async (body?: unknown) =>
  (
    (await t.call("PUT", "/v1/session/create", body === undefined ? undefined : JSON.stringify(body)))
      .json as { ID: string }
  ).ID;

describe("sessions and KV locks", () => {
  it("creates sessions with Consul's defaults and lists them", async () => {
    const id = await create();
    const [info] = (await t.get(`/v1/session/info/${id}`)).json as Array<Record<string, unknown>>;
    expect(info).toMatchObject({
      ID: id,
      Node: "node1",
      Checks: ["serfHealth"],
      Behavior: "release",
      TTL: "",
      LockDelay: 15e9,
    });
    expect((await t.get("/v1/session/list")).json).toHaveLength(1);
    expect((await t.get("/v1/session/node/node1")).json).toHaveLength(1);
    expect((await t.get("/v1/session/info/nope")).json).toEqual([]);
    expect(await t.call("PUT", "/v1/session/renew/nope")).toMatchObject({
      status: 404,
      text: "Session id 'nope' not found",
    });
    expect((await t.call("PUT", "/v1/session/create", JSON.stringify({ TTL: "1s" }))).status).toBe(400);
  });

  it("lets one session hold a key's lock, counts holders, and releases on release or destroy", async () => {
    const a = await create({ Name: "a" });
    const b = await create({ Name: "b" });
    expect((await t.call("PUT", `/v1/kv/leader?acquire=${a}`, "a")).json).toBe(true);
    expect((await t.call("PUT", `/v1/kv/leader?acquire=${b}`, "b")).json).toBe(false);
    expect((await t.get("/v1/kv/leader")).json).toMatchObject([{ Session: a, LockIndex: 1 }]);
    expect((await t.call("PUT", `/v1/kv/leader?release=${b}`)).json).toBe(false);
    expect((await t.call("PUT", `/v1/kv/leader?release=${a}`, "a")).json).toBe(true);
    expect((await t.call("PUT", `/v1/kv/leader?acquire=${b}`, "b")).json).toBe(true);
    expect((await t.get("/v1/kv/leader")).json).toMatchObject([{ Session: b, LockIndex: 2 }]);
    expect((await t.call("PUT", `/v1/session/destroy/${b}`)).json).toBe(true);
    const [entry] = (await t.get("/v1/kv/leader")).json as Array<Record<string, unknown>>;
    expect(entry?.Session).toBeUndefined();
    expect(await t.call("PUT", "/v1/kv/leader?acquire=missing", "x")).toMatchObject({
      status: 500,
      text: 'invalid session "missing"',
    });
  });

  it("deletes the keys of a session with behavior delete", async () => {
    const id = await create({ Behavior: "delete" });
    await t.call("PUT", `/v1/kv/ephemeral?acquire=${id}`, "x");
    await t.call("PUT", `/v1/session/destroy/${id}`);
    expect((await t.get("/v1/kv/ephemeral")).status).toBe(404);
  });

  it("ends a session when one of its checks turns critical, releasing its locks", async () => {
    await t.call(
      "PUT",
      "/v1/agent/check/register",
      JSON.stringify({ ID: "alive", Name: "alive", TTL: "30s", Status: "passing" }),
    );
    const id = await create({ Checks: ["serfHealth", "alive"] });
    expect((await t.call("PUT", `/v1/kv/job?acquire=${id}`, "x")).json).toBe(true);
    await t.call("PUT", "/v1/agent/check/fail/alive");
    expect((await t.get(`/v1/session/info/${id}`)).json).toEqual([]);
    const [entry] = (await t.get("/v1/kv/job")).json as Array<Record<string, unknown>>;
    expect(entry?.Session).toBeUndefined();
    expect(await t.call("PUT", "/v1/session/create", JSON.stringify({ Checks: ["nope"] }))).toMatchObject({
      status: 500,
      text: "Missing check 'nope' registration",
    });
  });
});
