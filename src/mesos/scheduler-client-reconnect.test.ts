import { afterEach, describe, expect, it } from "vitest";
import { SchedulerClient, type SchedulerClientOptions } from "./scheduler-client.js";
import type { DisconnectedNotice, SchedulerSubscription, ClosedNotice } from "./scheduler-events.js";
import { FakeMesosEndpoint, eventually } from "../../test/support/fake-mesos-endpoint.js";
import { FRAMEWORK_INFO, startFakeMaster } from "../../test/support/fake-master.js";

const servers: FakeMesosEndpoint[] = [];
const clients: SchedulerClient[] = [];
const FAST = { initialDelayMs: 5, maxDelayMs: 20 };

async function setup(options: Partial<SchedulerClientOptions> = {}, heartbeatSeconds = 15) {
  const master = await startFakeMaster(heartbeatSeconds);
  servers.push(master);
  const client = new SchedulerClient({
    master: master.address,
    frameworkInfo: FRAMEWORK_INFO,
    reconnect: FAST,
    ...options,
  });
  clients.push(client);
  const notices = {
    disconnected: [] as DisconnectedNotice[],
    reconnected: [] as SchedulerSubscription[],
    closed: [] as ClosedNotice[],
  };
  client.on("disconnected", (n) => notices.disconnected.push(n));
  client.on("reconnected", (n) => notices.reconnected.push(n));
  client.on("closed", (n) => notices.closed.push(n));
  await client.subscribe();
  return { master, client, notices };
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("SchedulerClient reconnection", () => {
  it("re-subscribes with the same framework id after the master drops the stream, then uses the new stream id", async () => {
    const { master, client, notices } = await setup();
    (await master.subscription(0)).stream.close();
    const second = await master.subscription(1);
    expect(second.json.framework_id).toEqual({ value: "fw-0000" });
    expect(second.json.subscribe).toMatchObject({
      framework_info: { ...FRAMEWORK_INFO, id: { value: "fw-0000" } },
    });
    expect(second.headers["mesos-stream-id"]).toBeUndefined();
    await eventually(() => notices.reconnected.length === 1);
    expect(notices.disconnected).toHaveLength(1);
    expect(notices.disconnected[0]?.willReconnect).toBe(true);
    expect(notices.reconnected[0]).toMatchObject({ streamId: "stream-1", frameworkId: { value: "fw-0000" } });
    expect(client.streamId).toBe("stream-1");
    await client.revive();
    expect((await master.call(0)).headers["mesos-stream-id"]).toBe("stream-1");
  });

  it("keeps retrying with backoff while the master refuses, until it accepts again", async () => {
    const { master, notices } = await setup();
    let refusals = 0;
    master.answerSubscribe = () =>
      refusals++ < 3 ? { status: 503, body: "Master is recovering" } : undefined;
    (await master.subscription(0)).stream.close();
    await eventually(() => notices.reconnected.length === 1);
    expect(refusals).toBe(4);
  });

  it("treats missed heartbeats as a dead stream and reconnects", async () => {
    const { master, notices } = await setup({ heartbeatTimeoutFactor: 2 }, 0.05);
    const first = await master.subscription(0);
    await master.subscription(1);
    expect(notices.disconnected[0]?.error.message).toMatch(/No heartbeat/);
    await eventually(() => first.stream.isClosed);
  });

  it("heartbeats keep the stream alive", async () => {
    // 300 ms without an event would count as dead; heartbeats come every 30 ms for longer than that.
    const { master, notices } = await setup({ heartbeatTimeoutFactor: 3 }, 0.1);
    const stream = (await master.subscription(0)).stream;
    for (let i = 0; i < 15; i++) {
      stream.send({ type: "HEARTBEAT" });
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(master.subscriptions).toHaveLength(1);
    expect(notices.disconnected).toHaveLength(0);
  });

  it("stops for good after ERROR 'Framework has been removed'", async () => {
    const { master, client, notices } = await setup();
    const errors: string[] = [];
    client.on("ERROR", (event) => errors.push(event.error.message));
    const stream = (await master.subscription(0)).stream;
    stream.send({ type: "ERROR", error: { message: "Framework has been removed" } });
    stream.close();
    await eventually(() => notices.closed.length === 1);
    expect(errors).toEqual(["Framework has been removed"]);
    expect(notices.disconnected[0]?.willReconnect).toBe(false);
    expect(notices.closed[0]?.error?.message).toBe("Framework has been removed");
    expect(client.state).toBe("closed");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(master.subscriptions).toHaveLength(1);
  });

  it("does not reconnect after teardown, nor when reconnection is off", async () => {
    const torn = await setup();
    const stream = (await torn.master.subscription(0)).stream;
    // Like the real master: the stream closes before the 202 arrives; the call must still succeed.
    torn.master.answerCall = () => {
      stream.close();
      return { status: 202 };
    };
    await torn.client.teardown();
    await eventually(() => torn.notices.closed.length === 1);
    expect(torn.notices.closed[0]?.error?.message).toMatch(/torn down/);

    const off = await setup({ reconnect: false });
    (await off.master.subscription(0)).stream.close();
    await eventually(() => off.notices.closed.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(torn.master.subscriptions).toHaveLength(1);
    expect(off.master.subscriptions).toHaveLength(1);
  });

  it("close() during backoff cancels the pending reconnection", async () => {
    const { master, client } = await setup({ reconnect: { initialDelayMs: 200, maxDelayMs: 200 } });
    (await master.subscription(0)).stream.close();
    await eventually(() => client.state === "reconnecting");
    await client.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(master.subscriptions).toHaveLength(1);
  });
});
