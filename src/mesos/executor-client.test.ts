import { afterEach, describe, expect, it } from "vitest";
import { ExecutorClient } from "./executor-client.js";
import type { ExecutorClientOptions } from "./executor-config.js";
import type { ClosedNotice, DisconnectedNotice } from "./scheduler-events.js";
import { isStatusUuid } from "./ids.js";
import { FakeMesosEndpoint, eventually } from "../../test/support/fake-mesos-endpoint.js";
import { startFakeAgent } from "../../test/support/fake-agent.js";

const servers: FakeMesosEndpoint[] = [];
const clients: ExecutorClient[] = [];

async function setup(options: Partial<ExecutorClientOptions> = {}) {
  const agent = await startFakeAgent();
  servers.push(agent);
  const env = { MESOS_AGENT_ENDPOINT: agent.address, MESOS_FRAMEWORK_ID: "fw-1", MESOS_EXECUTOR_ID: "e1" };
  const client = new ExecutorClient({ subscriptionBackoffMaxMs: 10, ...options }, env);
  clients.push(client);
  const notices = { disconnected: [] as DisconnectedNotice[], closed: [] as ClosedNotice[] };
  client.on("disconnected", (n) => notices.disconnected.push(n));
  client.on("closed", (n) => notices.closed.push(n));
  return { agent, client, notices };
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const TASK = {
  name: "t1",
  task_id: { value: "t1" },
  agent_id: { value: "m-S0" },
  command: { value: "true" },
};
const IDS = { executor_id: { value: "e1" }, framework_id: { value: "fw-1" } };

describe("ExecutorClient", () => {
  it("subscribes with the ids from the environment and delivers typed events", async () => {
    const { agent, client } = await setup();
    const launched: string[] = [];
    client.on("LAUNCH", (event) => launched.push(event.launch.task.task_id.value));
    const subscription = await client.subscribe();
    expect(subscription).toMatchObject({ agentInfo: { hostname: "agent1" }, containerId: { value: "c-1" } });
    const sub = await agent.subscription(0);
    expect(sub.body).toBe(
      '{"type":"SUBSCRIBE","executor_id":{"value":"e1"},"framework_id":{"value":"fw-1"},"subscribe":{}}',
    );
    expect(sub.headers["content-type"]).toBe("application/json");
    sub.stream.send({ type: "LAUNCH", launch: { task: TASK } });
    await eventually(() => launched.length === 1);
    expect(client.unacknowledgedTasks).toEqual([TASK]);
  });

  it("sends updates with a fresh uuid and keeps them until ACKNOWLEDGED", async () => {
    const { agent, client } = await setup();
    await client.subscribe();
    const before = Date.now() / 1000;
    const sent = await client.update({ task_id: { value: "t1" }, state: "TASK_RUNNING" });
    expect(isStatusUuid(sent.uuid)).toBe(true);
    expect(sent).toMatchObject({ source: "SOURCE_EXECUTOR", executor_id: { value: "e1" } });
    expect(sent.timestamp).toBeGreaterThanOrEqual(before);
    const call = await agent.call(0);
    expect(call.json).toEqual({ type: "UPDATE", ...IDS, update: { status: sent } });
    const second = await client.update({ task_id: { value: "t1" }, state: "TASK_FINISHED" });
    expect(second.uuid).not.toBe(sent.uuid);
    expect(client.unacknowledgedUpdates).toEqual([sent, second]);

    const acked: string[] = [];
    client.on("ACKNOWLEDGED", (event) => acked.push(event.acknowledged.uuid));
    (await agent.subscription(0)).stream.send({
      type: "ACKNOWLEDGED",
      acknowledged: { task_id: { value: "t1" }, uuid: sent.uuid },
    });
    await eventually(() => acked.length === 1);
    expect(client.unacknowledgedUpdates).toEqual([second]);
  });

  it("re-subscribes after a disconnection (checkpointing) and resends what was not acknowledged", async () => {
    const { agent, client, notices } = await setup({ checkpoint: true });
    await client.subscribe();
    const stream = (await agent.subscription(0)).stream;
    stream.send({ type: "LAUNCH", launch: { task: TASK } });
    await eventually(() => client.unacknowledgedTasks.length === 1);
    const first = await client.update({ task_id: { value: "t1" }, state: "TASK_RUNNING" });
    agent.answerSubscribe = () => ({ status: 503, body: "Agent has not finished recovery" });
    stream.close();
    await eventually(() => client.state === "reconnecting");
    const queued = await client.update({ task_id: { value: "t1" }, state: "TASK_FINISHED" });
    expect(agent.calls).toHaveLength(1);
    agent.answerSubscribe = () => undefined;
    const again = await agent.subscription(1);
    expect(again.json).toEqual({
      type: "SUBSCRIBE",
      ...IDS,
      subscribe: {
        unacknowledged_tasks: [TASK],
        unacknowledged_updates: [{ status: first }, { status: queued }],
      },
    });
    await eventually(() => client.state === "subscribed");
    expect(notices.disconnected).toMatchObject([{ willReconnect: true }]);
  });

  it("gives up without checkpointing, and after the recovery timeout with it", async () => {
    const plain = await setup();
    await plain.client.subscribe();
    (await plain.agent.subscription(0)).stream.close();
    await eventually(() => plain.notices.closed.length === 1);
    expect(plain.notices.disconnected).toMatchObject([{ willReconnect: false }]);

    const recovering = await setup({ checkpoint: true, recoveryTimeoutMs: 100 });
    await recovering.client.subscribe();
    recovering.agent.answerSubscribe = () => ({ status: 503, body: "" });
    (await recovering.agent.subscription(0)).stream.close();
    await eventually(() => recovering.notices.closed.length === 1);
    expect(recovering.notices.closed[0]?.error?.message).toMatch(/within 100 ms/);
    expect(plain.agent.subscriptions).toHaveLength(1);
  });

  it("sends MESSAGE as base64 and HEARTBEAT, and rejects with the agent's status and text", async () => {
    const { agent, client } = await setup();
    await client.subscribe();
    await client.message("hello");
    await client.heartbeat();
    expect((await agent.call(0)).json).toEqual({ type: "MESSAGE", ...IDS, message: { data: "aGVsbG8=" } });
    expect((await agent.call(1)).json).toEqual({ type: "HEARTBEAT", ...IDS });
    agent.answerCall = () => ({ status: 403, body: "Executor is not subscribed" });
    await expect(client.message(new Uint8Array([1]))).rejects.toMatchObject({
      status: 403,
      body: "Executor is not subscribed",
    });
  });
});
