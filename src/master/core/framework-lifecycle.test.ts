import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import { EventStream } from "../testing/event-stream.js";
import { launchCall, MasterHarness, smallTask } from "../testing/harness.js";

const frameworkIds = (json: Record<string, unknown>, key: string) =>
  (json[key] as Array<{ id: string }>).map((f) => f.id);

describe("framework life cycle: teardown, failover, failover_timeout", () => {
  let h: MasterHarness;
  beforeEach(async () => {
    h = await MasterHarness.start();
  });
  afterEach(async () => h.close());

  it("TEARDOWN kills tasks through the agents and moves the framework to completed_frameworks", async () => {
    const agent = await h.agent();
    const s = await h.scheduler();
    const offer = ((await s.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    await s.call("ACCEPT", launchCall(offer, [smallTask("t1")]));
    await agent.stream.next("RUN_TASK");
    expect((await s.call("TEARDOWN")).status).toBe(202);
    const shutdown = await agent.stream.next("SHUTDOWN_FRAMEWORK");
    expect(shutdown.shutdown_framework).toEqual({ framework_id: { value: s.frameworkId } });
    await s.stream.waitEnd();
    const state = (await h.get("/master/state")).json;
    expect(state.frameworks).toEqual([]);
    expect(frameworkIds(state, "completed_frameworks")).toEqual([s.frameworkId]);
    const done = (state.completed_frameworks as Array<Record<string, unknown>>)[0]!;
    expect(done.active).toBe(false);
    expect((done.completed_tasks as Array<{ state: string }>)[0]!.state).toBe("TASK_KILLED");
    expect((state.slaves as Array<{ used_resources: { cpus: number } }>)[0]!.used_resources.cpus).toBe(0);

    const again = await EventStream.open(`${h.url}/api/v1/scheduler`, {
      type: "SUBSCRIBE",
      subscribe: { framework_info: { user: "u", name: "n", id: { value: s.frameworkId } } },
    });
    expect(again.status).toBe(200);
    expect((await again.next()).error).toEqual({ message: "Framework has been removed" });
    await again.waitEnd();
  });

  it("fails over to a new subscription: the old stream gets ERROR, offers are rescinded and re-issued", async () => {
    await h.agent();
    const first = await h.scheduler({ failover_timeout: 60 });
    const offer = ((await first.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    const second = await h.scheduler({
      id: { value: first.frameworkId },
      failover_timeout: 60,
      name: "renamed",
    });
    expect(second.frameworkId).toBe(first.frameworkId);
    expect(second.streamId).not.toBe(first.streamId);
    expect((await first.stream.next("ERROR")).error).toEqual({ message: "Framework failed over" });
    await first.stream.waitEnd();
    expect((await second.stream.next("RESCIND")).rescind).toEqual({ offer_id: offer.id });
    await second.stream.next("OFFERS");
    expect((await first.call("REVIVE")).status).toBe(400);
    expect((await second.call("REVIVE")).status).toBe(202);
    const state = (await h.get("/master/state")).json;
    const fw = (state.frameworks as Array<Record<string, unknown>>)[0]!;
    expect(fw.name).toBe("renamed");
    expect(typeof fw.reregistered_time).toBe("number");
  });

  it("keeps a disconnected framework for failover_timeout, then removes it", async () => {
    const s = await h.scheduler({ failover_timeout: 0.3 });
    s.close();
    const deadline = Date.now() + 3000;
    let state = (await h.get("/master/state")).json;
    while (Date.now() < deadline && (state.frameworks as unknown[]).length > 0) {
      const fw = (state.frameworks as Array<Record<string, unknown>>)[0]!;
      if (fw.connected === false) expect(fw.active).toBe(false);
      await new Promise((r) => setTimeout(r, 25));
      state = (await h.get("/master/state")).json;
    }
    expect(frameworkIds(state, "completed_frameworks")).toEqual([s.frameworkId]);
  });

  it("re-subscribing in time keeps the framework", async () => {
    const s = await h.scheduler({ failover_timeout: 0.5 });
    s.close();
    await new Promise((r) => setTimeout(r, 100));
    const back = await h.scheduler({ id: { value: s.frameworkId }, failover_timeout: 0.5 });
    await new Promise((r) => setTimeout(r, 700));
    const state = (await h.get("/master/state")).json;
    expect(frameworkIds(state, "frameworks")).toEqual([back.frameworkId]);
    expect((state.frameworks as Array<{ connected: boolean }>)[0]!.connected).toBe(true);
  });

  it("UPDATE_FRAMEWORK answers 200 and refuses changing the user", async () => {
    const s = await h.scheduler({ roles: ["a"], capabilities: [{ type: "MULTI_ROLE" }] });
    const info = {
      user: "tester",
      name: "new-name",
      id: { value: s.frameworkId },
      roles: ["b"],
      capabilities: [{ type: "MULTI_ROLE" }],
    };
    expect(await s.call("UPDATE_FRAMEWORK", { update_framework: { framework_info: info } })).toEqual({
      status: 200,
      text: "",
    });
    const fw = ((await h.get("/master/frameworks")).json.frameworks as Array<Record<string, unknown>>)[0]!;
    expect(fw).toMatchObject({ name: "new-name", roles: ["b"] });
    const bad = await s.call("UPDATE_FRAMEWORK", {
      update_framework: { framework_info: { ...info, user: "root" } },
    });
    expect(bad.status).toBe(400);
  });
});
