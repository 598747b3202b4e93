import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newStatusUuid } from "../../mesos/ids.js";
import type { Offer } from "../../mesos/offer.js";
import { launchCall, MasterHarness, smallTask } from "../testing/harness.js";

describe("scheduler API: subscribe, offers, launch, updates", () => {
  let h: MasterHarness;
  beforeEach(async () => {
    h = await MasterHarness.start();
  });
  afterEach(async () => h.close());

  it("subscribes, offers an agent's resources and launches a task that the agent runs", async () => {
    const agent = await h.agent({ attributes: [{ name: "rack", type: "TEXT", text: { value: "r1" } }] });
    expect(agent.agentId).toBe(`${h.master.id}-S0`);
    const scheduler = await h.scheduler();
    expect(scheduler.frameworkId).toBe(`${h.master.id}-0000`);
    expect(scheduler.streamId).toMatch(/^[0-9a-f-]{36}$/);
    const subscribed = scheduler.stream.events[0]!.subscribed as Record<string, unknown>;
    expect(subscribed.heartbeat_interval_seconds).toBe(5);
    expect((subscribed.master_info as { id: string }).id).toBe(h.master.id);

    const offersEvent = await scheduler.stream.next("OFFERS");
    const offer = (offersEvent.offers as { offers: Offer[] }).offers[0]!;
    expect(offer.id.value).toBe(`${h.master.id}-O0`);
    expect(offer.agent_id.value).toBe(agent.agentId);
    expect(offer.hostname).toBe("127.0.0.1");
    expect(offer.url).toEqual({
      scheme: "http",
      address: { hostname: "127.0.0.1", ip: "127.0.0.1", port: 5051 },
      path: "/slave(1)",
    });
    expect(offer.attributes).toEqual([{ name: "rack", type: "TEXT", text: { value: "r1" } }]);
    expect(offer.allocation_info).toBeUndefined();
    expect(offer.resources.find((r) => r.name === "cpus")?.scalar?.value).toBe(4);
    expect(offer.resources.every((r) => r.allocation_info === undefined)).toBe(true);

    const accepted = await scheduler.call("ACCEPT", launchCall(offer, [smallTask("t1")]));
    expect(accepted.status).toBe(202);
    const run = await agent.stream.next("RUN_TASK");
    const runTask = run.run_task as {
      task: { task_id: { value: string } };
      framework: { id: { value: string } };
    };
    expect(runTask.task.task_id.value).toBe("t1");
    expect(runTask.framework.id.value).toBe(scheduler.frameworkId);

    const state = await h.get("/master/state");
    const framework = (state.json.frameworks as Array<Record<string, unknown>>)[0]!;
    const task = (framework.tasks as Array<Record<string, unknown>>)[0]!;
    expect(task).toMatchObject({ id: "t1", state: "TASK_STAGING", slave_id: agent.agentId, executor_id: "" });
    expect(task.resources).toMatchObject({ cpus: 0.5, mem: 128 });
    expect(framework.used_resources).toMatchObject({ cpus: 0.5, mem: 128 });
    const slave = (state.json.slaves as Array<Record<string, unknown>>)[0]!;
    expect(slave.used_resources).toMatchObject({ cpus: 0.5, mem: 128 });
    expect(slave.attributes).toEqual({ rack: "r1" });

    // Status update with a uuid is forwarded with it; the ACKNOWLEDGE goes back to the agent.
    const uuid = newStatusUuid();
    expect((await agent.statusUpdate(scheduler.frameworkId, "t1", "TASK_RUNNING", uuid)).status).toBe(202);
    const update = await scheduler.stream.next("UPDATE");
    const status = (update.update as { status: Record<string, unknown> }).status;
    expect(status).toMatchObject({ state: "TASK_RUNNING", uuid, agent_id: { value: agent.agentId } });
    const ack = await scheduler.call("ACKNOWLEDGE", {
      acknowledge: { agent_id: { value: agent.agentId }, task_id: { value: "t1" }, uuid },
    });
    expect(ack.status).toBe(202);
    const relayed = await agent.stream.next("ACKNOWLEDGE");
    expect(relayed.acknowledge).toEqual({
      framework_id: { value: scheduler.frameworkId },
      task_id: { value: "t1" },
      uuid,
    });

    // A terminal update releases the resources; once acknowledged the task is completed.
    const finishedUuid = newStatusUuid();
    await agent.statusUpdate(scheduler.frameworkId, "t1", "TASK_FINISHED", finishedUuid);
    await scheduler.stream.next((e) => e.type === "UPDATE" && JSON.stringify(e).includes("TASK_FINISHED"));
    let fw = ((await h.get("/master/state")).json.frameworks as Array<Record<string, unknown>>)[0]!;
    expect((fw.tasks as unknown[]).length).toBe(1);
    await scheduler.call("ACKNOWLEDGE", {
      acknowledge: { agent_id: { value: agent.agentId }, task_id: { value: "t1" }, uuid: finishedUuid },
    });
    fw = ((await h.get("/master/state")).json.frameworks as Array<Record<string, unknown>>)[0]!;
    expect(fw.tasks).toEqual([]);
    const completed = (fw.completed_tasks as Array<Record<string, unknown>>)[0]!;
    expect(completed).toMatchObject({ id: "t1", state: "TASK_FINISHED" });
    expect((completed.statuses as Array<{ state: string }>).map((s) => s.state)).toEqual([
      "TASK_RUNNING",
      "TASK_FINISHED",
    ]);
  });

  it("re-offers unused resources after the refuse filter and declines with a filter", async () => {
    await h.agent();
    const scheduler = await h.scheduler();
    const first = ((await scheduler.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    await scheduler.call("ACCEPT", {
      ...launchCall(first, [smallTask("t1", 1, 256)]),
      accept: { ...launchCall(first, [smallTask("t1", 1, 256)]).accept, filters: { refuse_seconds: 0 } },
    });
    const second = ((await scheduler.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    expect(second.resources.find((r) => r.name === "cpus")?.scalar?.value).toBe(3);
    expect(second.resources.find((r) => r.name === "mem")?.scalar?.value).toBe(4096 - 256);
    await scheduler.call("DECLINE", {
      decline: { offer_ids: [second.id], filters: { refuse_seconds: 0.2 } },
    });
    const started = Date.now();
    await scheduler.stream.next("OFFERS", 3000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect((await h.get("/metrics/snapshot")).json["master/outstanding_offers"]).toBe(1);
  });
});
