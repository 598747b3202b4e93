import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import type { TaskStatus } from "../../mesos/task.js";
import { startRealAgent } from "../testing/real-agent.js";
import type { StreamEvent } from "../testing/event-stream.js";
import { launchCall, MasterHarness } from "../testing/harness.js";
import type { TestScheduler } from "../testing/scheduler.js";

const TINY_EXECUTOR = fileURLToPath(
  new URL("../../agent/testing/fixtures/tiny-executor.mjs", import.meta.url),
);
const small = [
  { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
  { name: "mem", type: "SCALAR", scalar: { value: 32 } },
];
const executor = (id: string, command: string) => ({
  executor_id: { value: id },
  command: { shell: true, value: command },
  resources: small,
});
const statusOf = (e: StreamEvent) => (e.update as { status: TaskStatus } | undefined)?.status;
const updateOf = (taskId: string, match: (s: TaskStatus) => boolean) => (e: StreamEvent) => {
  const status = statusOf(e);
  return e.type === "UPDATE" && status?.task_id.value === taskId && match(status);
};

/** Acknowledges each update that carries a uuid, as a scheduler must for the next one to come. */
function acknowledgeEveryUpdate(scheduler: TestScheduler): NodeJS.Timeout {
  let seen = 0;
  return setInterval(() => {
    for (const event of scheduler.stream.events.slice(seen)) {
      const status = statusOf(event);
      if (status?.uuid)
        void scheduler
          .call("ACKNOWLEDGE", {
            acknowledge: { agent_id: status.agent_id, task_id: status.task_id, uuid: status.uuid },
          })
          .catch(() => undefined); // the master may be closing when the test ends
    }
    seen = scheduler.stream.events.length;
  }, 10);
}

/** The first event (earlier ones included) that matches, waiting for it if need be. */
async function firstEvent(
  scheduler: TestScheduler,
  match: (e: StreamEvent) => boolean,
): Promise<StreamEvent> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = scheduler.stream.events.find(match);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no such event; saw ${scheduler.stream.events.map((e) => e.type).join(",")}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("scheduler API with a real agent: executors, FAILURE events and health", () => {
  let h: MasterHarness;
  let stopAgent: () => Promise<void>;
  let scheduler: TestScheduler;
  let offer: Offer;
  let acknowledger: NodeJS.Timeout;
  let seen: (match: (e: StreamEvent) => boolean, timeoutMs?: number) => Promise<StreamEvent>;
  beforeEach(async () => {
    h = await MasterHarness.start();
    const started = await startRealAgent(h.url);
    stopAgent = started.stop;
    scheduler = await h.scheduler();
    offer = ((await scheduler.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    acknowledger = acknowledgeEveryUpdate(scheduler);
    seen = (match) => firstEvent(scheduler, match);
  });
  afterEach(async () => {
    clearInterval(acknowledger);
    await h.close();
    await stopAgent();
  });

  it("runs a task on a custom executor and tells the scheduler when executors end (FAILURE)", async () => {
    const tasks = [
      {
        name: "on-tiny",
        task_id: { value: "on-tiny" },
        resources: small,
        executor: executor("tiny", `"${process.execPath}" "${TINY_EXECUTOR}"`),
        data: Buffer.from("finish").toString("base64"),
      },
      {
        name: "on-broken",
        task_id: { value: "on-broken" },
        resources: small,
        executor: executor("broken", "exit 3"),
      },
      {
        name: "plain",
        task_id: { value: "plain" },
        resources: small,
        command: { shell: true, value: "true" },
      },
    ];
    expect((await scheduler.call("ACCEPT", launchCall(offer, tasks))).status).toBe(202);

    const finished = statusOf(
      await seen(
        updateOf("on-tiny", (s) => s.state === "TASK_FINISHED"),
        10_000,
      ),
    );
    expect(finished).toMatchObject({
      source: "SOURCE_EXECUTOR",
      executor_id: { value: "tiny" },
      message: "done",
    });
    const failed = statusOf(
      await seen(
        updateOf("on-broken", (s) => s.state === "TASK_FAILED"),
        10_000,
      ),
    );
    expect(failed).toMatchObject({ source: "SOURCE_AGENT", reason: "REASON_EXECUTOR_TERMINATED" });
    const brokenExit = await seen(
      (e) =>
        e.type === "FAILURE" &&
        (e.failure as { executor_id?: { value: string } }).executor_id?.value === "broken",
      10_000,
    );
    // The wait(2) status of `exit 3`.
    expect(brokenExit.failure).toEqual({
      agent_id: offer.agent_id,
      executor_id: { value: "broken" },
      status: 768,
    });

    expect(
      (
        await scheduler.call("SHUTDOWN", {
          shutdown: { executor_id: { value: "tiny" }, agent_id: offer.agent_id },
        })
      ).status,
    ).toBe(202);
    const tinyExit = await seen(
      (e) =>
        e.type === "FAILURE" &&
        (e.failure as { executor_id?: { value: string } }).executor_id?.value === "tiny",
      10_000,
    );
    expect(tinyExit.failure).toEqual({ agent_id: offer.agent_id, executor_id: { value: "tiny" }, status: 0 });
    await seen(
      updateOf("plain", (s) => s.state === "TASK_FINISHED"),
      10_000,
    );
    // A command executor's end is no executor failure: Mesos sends no FAILURE for it.
    const executorFailures = scheduler.stream.events
      .filter((e) => e.type === "FAILURE")
      .map((e) => (e.failure as { executor_id?: { value: string } }).executor_id?.value);
    expect(executorFailures.sort()).toEqual(["broken", "tiny"]);
  });

  it("forwards health check results to the scheduler as TaskStatus.healthy", async () => {
    const healthCheck = (command: string) => ({
      type: "COMMAND",
      command: { shell: true, value: command },
      delay_seconds: 0,
      interval_seconds: 0.1,
      grace_period_seconds: 0,
      consecutive_failures: 2,
    });
    const tasks = [
      {
        name: "well",
        task_id: { value: "well" },
        resources: small,
        command: { shell: true, value: "sleep 30" },
        health_check: healthCheck("true"),
      },
      {
        name: "sick",
        task_id: { value: "sick" },
        resources: small,
        command: { shell: true, value: "sleep 30" },
        health_check: healthCheck("false"),
      },
    ];
    expect((await scheduler.call("ACCEPT", launchCall(offer, tasks))).status).toBe(202);
    const healthy = statusOf(
      await seen(
        updateOf("well", (s) => s.healthy !== undefined),
        10_000,
      ),
    );
    expect(healthy).toMatchObject({
      state: "TASK_RUNNING",
      healthy: true,
      reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED",
      agent_id: offer.agent_id,
    });
    expect(healthy?.uuid).toBeDefined();
    const unhealthy = statusOf(
      await seen(
        updateOf("sick", (s) => s.healthy === false),
        10_000,
      ),
    );
    expect(unhealthy?.state).toBe("TASK_RUNNING");
    const killed = statusOf(
      await seen(
        updateOf("sick", (s) => s.state === "TASK_KILLED"),
        10_000,
      ),
    );
    expect(killed?.healthy).toBe(false);
    const state = await h.get("/master/tasks");
    const well = (state.json.tasks as Array<{ id: string; statuses: Array<{ healthy?: boolean }> }>).find(
      (t) => t.id === "well",
    );
    expect(well?.statuses.some((s) => s.healthy === true)).toBe(true);
  });
});
