import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import type { EventStream, StreamEvent } from "../testing/event-stream.js";
import { launchCall, MasterHarness, smallTask } from "../testing/harness.js";

const statusOf = (e: StreamEvent) => (e.update as { status: Record<string, unknown> }).status;
const nextUpdate = async (stream: EventStream, taskId: string) =>
  statusOf(
    await stream.next(
      (e) =>
        e.type === "UPDATE" &&
        statusOf(e).task_id !== undefined &&
        (statusOf(e).task_id as { value: string }).value === taskId,
    ),
  );
const firstOffer = async (stream: EventStream) =>
  ((await stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;

describe("task validation, kill and reconciliation", () => {
  let h: MasterHarness;
  beforeEach(async () => {
    h = await MasterHarness.start();
  });
  afterEach(async () => h.close());

  it("answers invalid tasks with TASK_ERROR / REASON_TASK_INVALID and Mesos's messages", async () => {
    const agent = await h.agent();
    const s = await h.scheduler();
    const offer = await firstOffer(s.stream);
    const noResources = { ...smallTask("none"), resources: [] };
    const both = { ...smallTask("both"), executor: { executor_id: { value: "e" }, command: { value: "x" } } };
    const neither = { name: "neither", task_id: { value: "neither" }, resources: smallTask("x").resources };
    const tooBig = smallTask("big", 64);
    const badId = smallTask("a/b");
    const wrongAgent = { ...smallTask("wrong"), agent_id: { value: "other" } };
    await s.call(
      "ACCEPT",
      launchCall(offer, [
        smallTask("ok"),
        smallTask("ok"),
        noResources,
        both,
        neither,
        tooBig,
        badId,
        wrongAgent,
      ]),
    );
    const expectations: Array<[string, string | RegExp]> = [
      ["ok", "Task has duplicate ID: ok"],
      ["none", "Task uses no resources"],
      ["both", "Task should have at least one (but not both) of CommandInfo or ExecutorInfo present"],
      ["neither", "Task should have at least one (but not both) of CommandInfo or ExecutorInfo present"],
      [
        "big",
        /^Total resources cpus\(allocated: \*\):64; mem\(allocated: \*\):128 required by task and its executor is more than available /,
      ],
      ["a/b", /^'TaskID.value' 'a\/b' is invalid/],
      ["wrong", `Task uses invalid agent other while agent ${agent.agentId} is expected`],
    ];
    for (const [id, message] of expectations) {
      const status = await nextUpdate(s.stream, id);
      expect(status).toMatchObject({
        state: "TASK_ERROR",
        reason: "REASON_TASK_INVALID",
        source: "SOURCE_MASTER",
      });
      expect(status.uuid).toBeUndefined();
      expect(status.message).toMatch(message);
    }
    const run = await agent.stream.next("RUN_TASK");
    expect((run.run_task as { task: { task_id: { value: string } } }).task.task_id.value).toBe("ok");
    expect(agent.stream.events.filter((e) => e.type === "RUN_TASK")).toHaveLength(1);
  });

  it("drops tasks launched with invalid offers (TASK_LOST for frameworks that are not partition-aware)", async () => {
    await h.agent();
    const s = await h.scheduler();
    const offer = await firstOffer(s.stream);
    const stale = { ...offer, id: { value: "no-such-offer" } };
    await s.call("ACCEPT", launchCall(stale, [smallTask("t")]));
    const status = await nextUpdate(s.stream, "t");
    expect(status).toMatchObject({
      state: "TASK_LOST",
      reason: "REASON_INVALID_OFFERS",
      source: "SOURCE_MASTER",
    });
    expect(status.message).toBe("Task launched with invalid offers: Offer no-such-offer is no longer valid");

    const pa = await h.scheduler({ name: "pa", capabilities: [{ type: "PARTITION_AWARE" }] });
    await s.call("ACCEPT", launchCall(offer, [smallTask("twice")]));
    await pa.call("ACCEPT", launchCall(offer, [smallTask("twice")]));
    const paStatus = await nextUpdate(pa.stream, "twice");
    expect(paStatus.state).toBe("TASK_DROPPED");
  });

  it("kills through the agent and answers kills of unknown tasks like reconciliation", async () => {
    const agent = await h.agent();
    const s = await h.scheduler();
    const offer = await firstOffer(s.stream);
    await s.call("ACCEPT", launchCall(offer, [smallTask("t1")]));
    await agent.stream.next("RUN_TASK");
    expect((await s.call("KILL", { kill: { task_id: { value: "t1" } } })).status).toBe(202);
    const kill = await agent.stream.next("KILL_TASK");
    expect(kill.kill_task).toEqual({ framework_id: { value: s.frameworkId }, task_id: { value: "t1" } });
    await s.call("KILL", { kill: { task_id: { value: "ghost" }, agent_id: { value: agent.agentId } } });
    const answer = await nextUpdate(s.stream, "ghost");
    expect(answer).toMatchObject({
      state: "TASK_LOST",
      reason: "REASON_RECONCILIATION",
      source: "SOURCE_MASTER",
    });
  });

  it("reconciles implicitly and explicitly without uuids", async () => {
    const agent = await h.agent();
    const s = await h.scheduler({ capabilities: [{ type: "PARTITION_AWARE" }] });
    const offer = await firstOffer(s.stream);
    await s.call("ACCEPT", launchCall(offer, [smallTask("t1"), smallTask("t2")]));
    await agent.stream.next("RUN_TASK");
    await agent.statusUpdate(s.frameworkId, "t1", "TASK_RUNNING", "AAAAAAAAAAAAAAAAAAAAAA==");
    await nextUpdate(s.stream, "t1");

    await s.call("RECONCILE", { reconcile: { tasks: [] } });
    const implicit = [await nextUpdate(s.stream, "t1"), await nextUpdate(s.stream, "t2")];
    expect(implicit.map((x) => x.state)).toEqual(["TASK_RUNNING", "TASK_STAGING"]);
    for (const st of implicit) {
      expect(st).toMatchObject({
        reason: "REASON_RECONCILIATION",
        message: "Reconciliation: Latest task state",
        source: "SOURCE_MASTER",
      });
      expect(st.uuid).toBeUndefined();
    }
    await s.call("RECONCILE", {
      reconcile: {
        tasks: [
          { task_id: { value: "t2" } },
          { task_id: { value: "gone" }, agent_id: { value: agent.agentId } },
          { task_id: { value: "who" } },
        ],
      },
    });
    expect((await nextUpdate(s.stream, "t2")).state).toBe("TASK_STAGING");
    expect((await nextUpdate(s.stream, "gone")).state).toBe("TASK_GONE");
    expect((await nextUpdate(s.stream, "who")).state).toBe("TASK_UNKNOWN");
  });

  it("relays MESSAGE and SHUTDOWN to the agent and executor messages back", async () => {
    const agent = await h.agent();
    const s = await h.scheduler();
    const target = { agent_id: { value: agent.agentId }, executor_id: { value: "e1" } };
    await s.call("MESSAGE", { message: { ...target, data: "aGk=" } });
    const message = await agent.stream.next("FRAMEWORK_MESSAGE");
    expect(message.framework_message).toEqual({
      framework_id: { value: s.frameworkId },
      executor_id: { value: "e1" },
      data: "aGk=",
    });
    await s.call("SHUTDOWN", { shutdown: target });
    expect((await agent.stream.next("SHUTDOWN_EXECUTOR")).shutdown_executor).toEqual({
      framework_id: { value: s.frameworkId },
      executor_id: { value: "e1" },
    });
    await agent.send({
      type: "EXECUTOR_MESSAGE",
      executor_message: {
        framework_id: { value: s.frameworkId },
        executor_id: { value: "e1" },
        data: "eW8=",
      },
    });
    expect((await s.stream.next("MESSAGE")).message).toEqual({ ...target, data: "eW8=" });
  });
});
