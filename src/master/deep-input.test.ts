import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Offer } from "../mesos/offer.js";
import { launchCall, MasterHarness, smallTask } from "./testing/harness.js";

describe("input no state endpoint could serve afterwards", () => {
  let h: MasterHarness;
  beforeEach(async () => {
    h = await MasterHarness.start();
    await h.agent();
  });
  afterEach(() => h.close());

  it("refuses a task nested 6,000 levels deep with 400 and stores nothing", async () => {
    const scheduler = await h.scheduler({ name: "deep" });
    const offer = ((await scheduler.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    const call = JSON.stringify({
      type: "ACCEPT",
      framework_id: { value: scheduler.frameworkId },
      ...launchCall(offer, [{ ...smallTask("deep"), discovery: { visibility: "FRAMEWORK", labels: "@" } }]),
    });
    const answer = await fetch(`${h.url}/api/v1/scheduler`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Mesos-Stream-Id": scheduler.streamId },
      body: call.replace('"@"', '{"a":'.repeat(6000) + "{}" + "}".repeat(6000)),
    });
    expect(answer.status).toBe(400);
    for (const path of ["/master/state", "/master/tasks", "/master/frameworks"]) {
      const res = await h.get(path);
      expect(res.status).toBe(200);
    }
    const tasks = await fetch(`${h.url}/api/v1`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ type: "GET_TASKS" }),
    });
    expect(tasks.status).toBe(200);
    const lists = ((await tasks.json()) as { get_tasks: Record<string, unknown[]> }).get_tasks;
    expect(Object.values(lists).flat()).toEqual([]);
  });

  it("refuses a framework name with a lone surrogate, so every output stays valid UTF-8 JSON", async () => {
    const res = await fetch(`${h.url}/api/v1/scheduler`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"root","name":"\\ud800"}}}',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/lone surrogate/);
    expect((await h.get("/master/frameworks")).json.frameworks).toEqual([]);
  });
});
