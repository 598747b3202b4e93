import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postJson } from "../testing/event-stream.js";
import { MasterHarness } from "../testing/harness.js";

describe("scheduler API: bad input gets Mesos's status codes and texts", () => {
  let h: MasterHarness;
  beforeEach(async () => {
    h = await MasterHarness.start({ bodyLimit: 4096 });
  });
  afterEach(async () => h.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    postJson(`${h.url}/api/v1/scheduler`, body, headers);

  it("refuses other methods, content types and accept headers", async () => {
    const get = await fetch(`${h.url}/api/v1/scheduler`);
    expect(get.status).toBe(405);
    expect(await get.text()).toBe("Expecting one of { 'POST' }, but received 'GET'");
    const noType = await fetch(`${h.url}/master/api/v1/scheduler`, { method: "POST", body: "{}" });
    expect(noType.status).toBe(415);
    const missing = await fetch(`${h.url}/api/v1/scheduler`, { method: "POST" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toBe("Expecting 'Content-Type' to be present");
    const xml = await post("{}", { "Content-Type": "text/xml" });
    expect(xml.status).toBe(415);
    const accept = await post(
      { type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "n" } } },
      { Accept: "text/html" },
    );
    expect(accept.status).toBe(406);
  });

  it("answers malformed JSON, wrong types, unknown types and missing members with 400", async () => {
    const cases: Array<[unknown, string]> = [
      ["{nope", "Failed to parse body into JSON: "],
      ["[1]", "Failed to convert JSON into Call protobuf: Expecting a JSON object"],
      [
        { type: "SUBSCRIBE", framework_id: 5 },
        "Failed to convert JSON into Call protobuf: Not expecting a JSON number for field 'framework_id'",
      ],
      [
        { type: "SUBSCRIBE", subscribe: { framework_info: { name: "n" } } },
        "Failed to convert JSON into Call protobuf: Missing required fields: subscribe.framework_info.user",
      ],
      [
        { type: "FLY", framework_id: { value: "x" } },
        "Failed to validate scheduler::Call: Expecting 'type' to be present",
      ],
      [{ type: "SUBSCRIBE" }, "Failed to validate scheduler::Call: Expecting 'subscribe' to be present"],
      [{ type: "ACCEPT" }, "Failed to validate scheduler::Call: Expecting 'framework_id' to be present"],
      [
        { type: "ACCEPT", framework_id: { value: "x" } },
        "Failed to validate scheduler::Call: Expecting 'accept' to be present",
      ],
      [
        { type: "KILL", framework_id: { value: "x" }, kill: {} },
        "Failed to convert JSON into Call protobuf: Missing required fields: kill.task_id",
      ],
      [
        {
          type: "ACKNOWLEDGE",
          framework_id: { value: "x" },
          acknowledge: { agent_id: { value: "a" }, task_id: { value: "t" }, uuid: "bm90LWEtdXVpZA==" },
        },
        "Failed to validate scheduler::Call: Not a valid UUID",
      ],
      [
        {
          type: "SUBSCRIBE",
          framework_id: { value: "a" },
          subscribe: { framework_info: { user: "u", name: "n", id: { value: "b" } } },
        },
        "Failed to validate scheduler::Call: 'framework_id' differs from 'subscribe.framework_info.id'",
      ],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.text.startsWith(message), `${res.text} / ${message}`).toBe(true);
    }
  });

  it("checks the framework and the stream id of non-subscribe calls", async () => {
    const unknown = await post({ type: "TEARDOWN", framework_id: { value: "nope" } });
    expect(unknown).toEqual({ status: 400, text: "Framework cannot be found" });
    const scheduler = await h.scheduler({ failover_timeout: 60 });
    const fw = { value: scheduler.frameworkId };
    const noStream = await post({ type: "REVIVE", framework_id: fw });
    expect(noStream).toEqual({
      status: 400,
      text: "All non-subscribe calls should include the 'Mesos-Stream-Id' header",
    });
    const wrongStream = await post({ type: "REVIVE", framework_id: fw }, { "Mesos-Stream-Id": "other" });
    expect(wrongStream.status).toBe(400);
    expect(wrongStream.text).toContain("didn't match the stream ID");
    const subscribeWithId = await post(
      { type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "n" } } },
      { "Mesos-Stream-Id": scheduler.streamId },
    );
    expect(subscribeWithId.status).toBe(400);
    expect((await scheduler.call("UNKNOWN")).status).toBe(501);
    expect((await scheduler.call("REQUEST", { request: { requests: [] } })).status).toBe(202);
    expect((await scheduler.call("RECONCILE_OPERATIONS", { reconcile_operations: {} })).status).toBe(202);
    expect(
      (await scheduler.call("DECLINE_INVERSE_OFFERS", { decline_inverse_offers: { inverse_offer_ids: [] } }))
        .status,
    ).toBe(202);
    scheduler.close();
    await scheduler.stream.waitEnd();
    const deadline = Date.now() + 2000;
    let res = await scheduler.call("REVIVE");
    while (res.status !== 403 && Date.now() < deadline) res = await scheduler.call("REVIVE");
    expect(res).toEqual({ status: 403, text: "Framework is not subscribed" });
  });

  it("answers 413 for bodies over the limit and keeps serving what it accepted", async () => {
    const scheduler = await h.scheduler();
    const big = await post({
      type: "SUBSCRIBE",
      subscribe: { framework_info: { user: "u", name: "x".repeat(5000) } },
    });
    expect(big.status).toBe(413);
    expect((await scheduler.call("REVIVE")).status).toBe(202);
    const state = await h.get("/master/state");
    expect((state.json.frameworks as unknown[]).length).toBe(1);
  });

  it("refuses invalid subscriptions with 200 + ERROR", async () => {
    const res = await postJson(`${h.url}/api/v1/scheduler`, {
      type: "SUBSCRIBE",
      subscribe: { framework_info: { user: "u", name: "n", role: "/bad" } },
    });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /^\d+\n\{"type":"ERROR","error":\{"message":"Role '\/bad' cannot start with a slash"\}\}$/,
    );
  });
});
