import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import type { Task } from "../../mesos/task.js";
import type { StreamEvent } from "../testing/event-stream.js";
import { FakeAgent } from "../testing/fake-agent.js";
import { launchCall, MasterHarness, smallTask } from "../testing/harness.js";

const statusOf = (e: StreamEvent) => (e.update as { status: Record<string, unknown> }).status;

describe("agent link: registration, disconnect, unreachable, re-registration", () => {
  let h: MasterHarness;
  beforeEach(async () => {
    h = await MasterHarness.start({ agentPingTimeoutMs: 50, maxAgentPingTimeouts: 2 });
  });
  afterEach(async () => h.close());

  it("assigns agent ids, pings, and refuses calls from unknown agents", async () => {
    const a = await h.agent();
    const b = await h.agent({ port: 5052 });
    expect([a.agentId, b.agentId]).toEqual([`${h.master.id}-S0`, `${h.master.id}-S1`]);
    const registered = a.stream.events[0]!.registered as Record<string, unknown>;
    expect(registered.ping_interval_seconds).toBe(0.05);
    await a.stream.next("PING", 1000);
    const stranger = await fetch(`${h.url}/master/internal/agent`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        type: "EXECUTOR_EXITED",
        agent_id: { value: "x" },
        executor_exited: { framework_id: { value: "f" }, executor_id: { value: "e" }, status: 0 },
      }),
    });
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).toBe("Agent is not registered");
    const slaves = (await h.get("/master/slaves")).json.slaves as Array<Record<string, unknown>>;
    expect(slaves.map((s) => s.id)).toEqual([a.agentId, b.agentId]);
    expect(slaves[0]).toMatchObject({
      pid: "slave(1)@127.0.0.1:5051",
      port: 5051,
      active: true,
      version: "1.11.0",
    });
  });

  it("marks a vanished agent unreachable: TASK_LOST / TASK_UNREACHABLE, FAILURE, and RUNNING again when it returns", async () => {
    const agent = await h.agent();
    const plain = await h.scheduler({ name: "plain" });
    const offer = ((await plain.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    await plain.call("ACCEPT", launchCall(offer, [smallTask("t1", 1)]));
    const aware = await h.scheduler({ name: "aware", capabilities: [{ type: "PARTITION_AWARE" }] });
    const offer2 = ((await aware.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    await aware.call("ACCEPT", launchCall(offer2, [smallTask("t2", 1)]));
    await agent.stream.next("RUN_TASK");
    await agent.stream.next("RUN_TASK");
    await agent.statusUpdate(plain.frameworkId, "t1", "TASK_RUNNING", "AAAAAAAAAAAAAAAAAAAAAQ==");
    await agent.statusUpdate(aware.frameworkId, "t2", "TASK_RUNNING", "AAAAAAAAAAAAAAAAAAAAAg==");

    agent.close();
    const lost = statusOf(
      await plain.stream.next((e) => e.type === "UPDATE" && statusOf(e).state !== "TASK_RUNNING", 3000),
    );
    expect(lost).toMatchObject({
      state: "TASK_LOST",
      reason: "REASON_AGENT_REMOVED",
      source: "SOURCE_MASTER",
      task_id: { value: "t1" },
    });
    expect(lost.uuid).toBeUndefined();
    const unreachable = statusOf(
      await aware.stream.next((e) => e.type === "UPDATE" && statusOf(e).state !== "TASK_RUNNING", 3000),
    );
    expect(unreachable).toMatchObject({ state: "TASK_UNREACHABLE", reason: "REASON_AGENT_REMOVED" });
    expect((await aware.stream.next("FAILURE")).failure).toEqual({ agent_id: { value: agent.agentId } });
    const state = (await h.get("/master/state")).json;
    expect(state.slaves).toEqual([]);
    expect(state.unreachable_slaves).toBe(1);
    const fw = (state.frameworks as Array<Record<string, unknown>>).find((f) => f.name === "aware")!;
    expect((fw.unreachable_tasks as Array<{ state: string }>).map((t) => t.state)).toEqual([
      "TASK_UNREACHABLE",
    ]);

    const reported: Task[] = [
      {
        name: "t2",
        task_id: { value: "t2" },
        framework_id: { value: aware.frameworkId },
        agent_id: { value: agent.agentId },
        state: "TASK_RUNNING",
        resources: [],
        statuses: [],
      },
      {
        name: "t1",
        task_id: { value: "t1" },
        framework_id: { value: plain.frameworkId },
        agent_id: { value: agent.agentId },
        state: "TASK_RUNNING",
        resources: [],
        statuses: [],
      },
    ];
    const back = await FakeAgent.register(h.url, { agentId: agent.agentId, tasks: reported });
    try {
      expect(back.agentId).toBe(agent.agentId);
      const running = statusOf(
        await aware.stream.next(
          (e) =>
            e.type === "UPDATE" &&
            statusOf(e).state === "TASK_RUNNING" &&
            statusOf(e).reason === "REASON_AGENT_REREGISTERED",
        ),
      );
      expect(running.task_id).toEqual({ value: "t2" });
      const after = (await h.get("/master/state")).json;
      expect(after.unreachable_slaves).toBe(0);
      const awareAfter = (after.frameworks as Array<Record<string, unknown>>).find(
        (f) => f.name === "aware",
      )!;
      expect((awareAfter.tasks as Array<{ state: string }>).map((t) => t.state)).toEqual(["TASK_RUNNING"]);
      expect((after.slaves as Array<{ used_resources: { cpus: number } }>)[0]!.used_resources.cpus).toBe(2);
    } finally {
      back.close();
    }
  });

  it("rescinds offers when an agent disconnects and restores it if it re-registers in time", async () => {
    const h2 = await MasterHarness.start({ agentPingTimeoutMs: 1000, maxAgentPingTimeouts: 5 });
    try {
      const agent = await h2.agent();
      const s = await h2.scheduler();
      const offer = ((await s.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
      agent.close();
      expect((await s.stream.next("RESCIND")).rescind).toEqual({ offer_id: offer.id });
      const slave = ((await h2.get("/master/state")).json.slaves as Array<{ active: boolean }>)[0]!;
      expect(slave.active).toBe(false);
      const back = await FakeAgent.register(h2.url, { agentId: agent.agentId });
      try {
        await s.stream.next("OFFERS");
        const state = (await h2.get("/master/state")).json;
        expect(state.activated_slaves).toBe(1);
        expect((await h2.get("/metrics/snapshot")).json["master/slave_reregistrations"]).toBe(1);
      } finally {
        back.close();
      }
    } finally {
      await h2.close();
    }
  });
});
