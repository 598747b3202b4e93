import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestConsul } from "./test-consul.js";

let t: Awaited<ReturnType<typeof startTestConsul>>;
beforeEach(async () => {
  t = await startTestConsul();
});
afterEach(async () => {
  await t.consul.stop();
});

describe("KV API", () => {
  it("puts, gets (JSON and raw), lists and deletes keys", async () => {
    expect((await t.call("PUT", "/v1/kv/app/config?flags=42", "hello")).json).toBe(true);
    const got = await t.get("/v1/kv/app/config");
    const entry = (got.json as Array<Record<string, unknown>>)[0];
    expect(entry).toMatchObject({
      Key: "app/config",
      Flags: 42,
      Value: Buffer.from("hello").toString("base64"),
      LockIndex: 0,
    });
    expect(got.headers.get("x-consul-index")).toBe(String(entry?.ModifyIndex));
    expect(got.headers.get("x-consul-knownleader")).toBe("true");
    const raw = await t.get("/v1/kv/app/config?raw");
    expect(raw.text).toBe("hello");
    expect(raw.headers.get("content-type")).toMatch(/^text\/plain/);
    await t.call("PUT", "/v1/kv/app/empty");
    expect((await t.get("/v1/kv/app/empty")).json).toMatchObject([{ Key: "app/empty", Value: null }]);
    await t.call("PUT", "/v1/kv/app/sub/x", "1");
    expect((await t.get("/v1/kv/app/?recurse")).json).toMatchObject([
      { Key: "app/config" },
      { Key: "app/empty" },
      { Key: "app/sub/x" },
    ]);
    expect((await t.get("/v1/kv/app/?keys&separator=/")).json).toEqual([
      "app/config",
      "app/empty",
      "app/sub/",
    ]);
    expect((await t.get("/v1/kv/?keys")).json).toEqual(["app/config", "app/empty", "app/sub/x"]);
    expect((await t.get("/v1/kv/nothing/?keys")).status).toBe(404);
    expect((await t.call("DELETE", "/v1/kv/app/sub/x")).json).toBe(true);
    expect(await t.get("/v1/kv/app/sub/x")).toMatchObject({ status: 404, text: "" });
    expect((await t.call("DELETE", "/v1/kv/app?recurse")).json).toBe(true);
    expect((await t.get("/v1/kv/app?recurse")).status).toBe(404);
  });

  it("compares and sets", async () => {
    expect((await t.call("PUT", "/v1/kv/lock?cas=0", "a")).json).toBe(true);
    expect((await t.call("PUT", "/v1/kv/lock?cas=0", "b")).json).toBe(false);
    const index = (await t.get("/v1/kv/lock")).json as Array<{ ModifyIndex: number }>;
    const modify = index[0]?.ModifyIndex;
    expect((await t.call("PUT", `/v1/kv/lock?cas=${(modify ?? 0) + 100}`, "c")).json).toBe(false);
    expect((await t.call("PUT", `/v1/kv/lock?cas=${modify}`, "c")).json).toBe(true);
    expect((await t.get("/v1/kv/lock?raw")).text).toBe("c");
    expect((await t.call("DELETE", `/v1/kv/lock?cas=${modify}`)).json).toBe(false);
    const now = ((await t.get("/v1/kv/lock")).json as Array<{ ModifyIndex: number }>)[0]?.ModifyIndex;
    expect((await t.call("DELETE", `/v1/kv/lock?cas=${now}`)).json).toBe(true);
  });

  it("refuses what Consul refuses", async () => {
    const big = Buffer.alloc(512 * 1024 + 1, 120);
    expect(await t.call("PUT", "/v1/kv/big", big)).toMatchObject({
      status: 413,
      text: `Request body(${big.length} bytes) too large, max size: 524288 bytes. See https://developer.hashicorp.com/docs/agent/config/config-files#kv_max_value_size.`,
    });
    expect((await t.call("PUT", "/v1/kv/fits", Buffer.alloc(512 * 1024, 120))).json).toBe(true);
    expect(await t.get("/v1/kv/")).toMatchObject({ status: 400, text: "Missing key name" });
    expect(await t.call("PUT", "/v1/kv/", "x")).toMatchObject({ status: 400, text: "Missing key name" });
    expect((await t.call("PUT", "/v1/kv/a?cas=1&acquire=s", "x")).status).toBe(400);
    expect((await t.call("PUT", "/v1/kv/a?cas=1&acquire=s", "x")).text).toMatch(/^Conflicting flags: /);
    expect((await t.call("PUT", "/v1/kv/a?flags=x", "x")).status).toBe(500);
  });

  it("blocks a read until the key changes, and times out with the same index", async () => {
    await t.call("PUT", "/v1/kv/watched", "1");
    const first = await t.get("/v1/kv/watched");
    const index = Number(first.headers.get("x-consul-index"));
    const started = Date.now();
    const timedOut = await t.get(`/v1/kv/watched?index=${index}&wait=200ms`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(timedOut.headers.get("x-consul-index")).toBe(String(index));
    const blocked = t.get(`/v1/kv/watched?index=${index}&wait=10s`);
    await new Promise((r) => setTimeout(r, 50));
    await t.call("PUT", "/v1/kv/unrelated", "x");
    await t.call("PUT", "/v1/kv/watched", "2");
    const changed = await blocked;
    expect(Number(changed.headers.get("x-consul-index"))).toBeGreaterThan(index);
    expect((changed.json as Array<{ Value: string }>)[0]?.Value).toBe(Buffer.from("2").toString("base64"));
    expect(await t.get("/v1/kv/watched?index=x")).toMatchObject({ status: 400, text: "Invalid index" });
    expect(await t.get("/v1/kv/watched?index=1&wait=soon")).toMatchObject({
      status: 400,
      text: "Invalid wait time",
    });
  });
});
