/* eslint-disable @typescript-eslint/no-explicit-any -- event payloads are read loosely in this test */
import { afterEach, describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import type { StreamEvent } from "../testing/event-stream.js";
import { MasterHarness, smallTask } from "../testing/harness.js";

const offersOf = (e: StreamEvent) => (e.offers as { offers: Offer[] }).offers;

describe("offers for roles, task groups, offer timeouts, heartbeats and stream bytes", () => {
  let h: MasterHarness | undefined;
  afterEach(async () => h?.close());

  it("gives MULTI_ROLE frameworks allocation_info and launches task groups with one RUN_TASK", async () => {
    h = await MasterHarness.start();
    const agent = await h.agent();
    const s = await h.scheduler({ roles: ["web"], capabilities: [{ type: "MULTI_ROLE" }] });
    const offer = offersOf(await s.stream.next("OFFERS"))[0]!;
    expect(offer.allocation_info).toEqual({ role: "web" });
    expect(offer.resources.every((r) => r.allocation_info?.role === "web")).toBe(true);
    const executor = {
      type: "DEFAULT",
      executor_id: { value: "group-exec" },
      resources: [{ name: "cpus", type: "SCALAR", scalar: { value: 0.1 }, allocation_info: { role: "web" } }],
    };
    const task = (id: string) => ({ ...smallTask(id), agent_id: offer.agent_id });
    const res = await s.call("ACCEPT", {
      accept: {
        offer_ids: [offer.id],
        operations: [
          {
            type: "LAUNCH_GROUP",
            launch_group: { executor, task_group: { tasks: [task("g1"), task("g2")] } },
          },
        ],
        filters: { refuse_seconds: 0 },
      },
    });
    expect(res.status).toBe(202);
    const run = (await agent.stream.next("RUN_TASK")).run_task as Record<string, any>;
    expect(run.executor.executor_id).toEqual({ value: "group-exec" });
    expect(run.executor.framework_id).toEqual({ value: s.frameworkId });
    expect(run.task_group.tasks.map((t: { task_id: { value: string } }) => t.task_id.value)).toEqual([
      "g1",
      "g2",
    ]);
    const fw = ((await h.get("/master/state")).json.frameworks as Array<Record<string, unknown>>)[0]!;
    expect(fw.roles).toEqual(["web"]);
    expect(fw.used_resources).toMatchObject({ cpus: 1.1, mem: 256 });
    expect((fw.executors as Array<Record<string, unknown>>)[0]).toMatchObject({
      executor_id: "group-exec",
      type: "DEFAULT",
      role: "web",
    });
    const tasks = fw.tasks as Array<Record<string, unknown>>;
    expect(tasks.map((t) => t.executor_id)).toEqual(["group-exec", "group-exec"]);

    // A group with an invalid task is refused as a whole.
    const next = offersOf(await s.stream.next("OFFERS"))[0]!;
    await s.call("ACCEPT", {
      accept: {
        offer_ids: [next.id],
        operations: [
          {
            type: "LAUNCH_GROUP",
            launch_group: {
              executor,
              task_group: {
                tasks: [
                  { ...task("g3"), agent_id: next.agent_id },
                  { ...task("g4"), agent_id: next.agent_id, resources: [] },
                ],
              },
            },
          },
        ],
      },
    });
    const refused = await s.stream.next("UPDATE");
    expect((refused.update as { status: Record<string, unknown> }).status).toMatchObject({
      state: "TASK_ERROR",
      reason: "REASON_TASK_GROUP_INVALID",
      message: "Task uses no resources",
    });
  });

  it("rescinds offers after offer_timeout and sends heartbeats as RecordIO records", async () => {
    h = await MasterHarness.start({ offerTimeoutMs: 100, heartbeatIntervalSeconds: 0.1 });
    await h.agent();
    const s = await h.scheduler();
    const offer = offersOf(await s.stream.next("OFFERS"))[0]!;
    expect((await s.stream.next("RESCIND", 2000)).rescind).toEqual({ offer_id: offer.id });
    await s.stream.next("HEARTBEAT", 2000);
    expect(offersOf(await s.stream.next("OFFERS", 2000))[0]!.id).not.toEqual(offer.id);
  });

  it("frames every event as <length>\\n<json> with the stream id header", async () => {
    h = await MasterHarness.start();
    const response = await fetch(`${h.url}/master/api/v1/scheduler`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "ü" } } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("mesos-stream-id")).toMatch(/^[0-9a-f-]{36}$/);
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    const text = Buffer.from(value!).toString("utf8");
    const newline = text.indexOf("\n");
    const length = Number(text.slice(0, newline));
    const record = Buffer.from(value!)
      .subarray(newline + 1, newline + 1 + length)
      .toString("utf8");
    expect(JSON.parse(record).type).toBe("SUBSCRIBED");
    expect(Buffer.byteLength(record)).toBe(length);
    await reader.cancel();
  });
});
