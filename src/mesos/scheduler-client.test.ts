import { afterEach, describe, expect, it } from "vitest";
import { SchedulerClient, type SchedulerClientOptions } from "./scheduler-client.js";
import { MesosErrorEvent, MesosHttpError } from "./client-errors.js";
import type { SchedulerEvent } from "./scheduler-protocol.js";
import { FakeMesosEndpoint, eventually } from "../../test/support/fake-mesos-endpoint.js";
import { FRAMEWORK_INFO, offer, startFakeMaster } from "../../test/support/fake-master.js";

const servers: FakeMesosEndpoint[] = [];
const clients: SchedulerClient[] = [];

async function master(heartbeatIntervalSeconds = 15): Promise<FakeMesosEndpoint> {
  const fake = await startFakeMaster(heartbeatIntervalSeconds);
  servers.push(fake);
  return fake;
}

function client(
  options: Partial<SchedulerClientOptions> & Pick<SchedulerClientOptions, "master">,
): SchedulerClient {
  const created = new SchedulerClient({ frameworkInfo: FRAMEWORK_INFO, ...options });
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("SchedulerClient subscription", () => {
  it("subscribes and delivers SUBSCRIBED, OFFERS and HEARTBEAT in order, typed and through events()", async () => {
    const fake = await master();
    const scheduler = client({ master: fake.address });
    const seen: string[] = [];
    const offerIds: string[] = [];
    scheduler.on("event", (event) => seen.push(event.type));
    scheduler.on("OFFERS", (event) => offerIds.push(...event.offers.offers.map((o) => o.id.value)));
    const iterator = scheduler.events();

    const subscription = await scheduler.subscribe();
    expect(subscription).toMatchObject({ frameworkId: { value: "fw-0000" }, streamId: "stream-0" });
    expect(subscription.leader).toBe(fake.url);
    expect(scheduler.state).toBe("subscribed");
    const stream = (await fake.subscription(0)).stream;
    stream.send({ type: "OFFERS", offers: { offers: [offer(1), offer(2)] } });
    stream.send({ type: "HEARTBEAT" });

    const fromIterator: SchedulerEvent[] = [];
    for await (const event of iterator) {
      fromIterator.push(event);
      if (fromIterator.length === 3) break;
    }
    expect(fromIterator.map((e) => e.type)).toEqual(["SUBSCRIBED", "OFFERS", "HEARTBEAT"]);
    expect(seen).toEqual(["SUBSCRIBED", "OFFERS", "HEARTBEAT"]);
    expect(offerIds).toEqual(["m-O1", "m-O2"]);
  });

  it("sends exactly these bytes and decodes exactly the bytes the master writes", async () => {
    const fake = await master();
    fake.answerSubscribe = () => undefined;
    const scheduler = client({ master: `http://${fake.address}` });
    const received: SchedulerEvent[] = [];
    scheduler.on("event", (event) => received.push(event));
    const subscribing = scheduler.subscribe();
    const sub = await fake.subscription(0);
    expect(sub.body).toBe(
      '{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"tester","name":"client-test"}}}',
    );
    expect(sub.headers["content-type"]).toBe("application/json");
    expect(sub.headers.accept).toBe("application/json");
    expect(sub.headers["mesos-stream-id"]).toBeUndefined();
    await subscribing;

    // Two records in one write, a multi-byte character counted in bytes: "é" is 2 bytes.
    sub.raw.write('20\n{"type":"HEARTBEAT"}51\n{"type":"ERROR","error":{"message":"caf\u00e9 closed"}}');
    await eventually(() => received.length === 3);
    expect(received.slice(1)).toEqual([
      { type: "HEARTBEAT" },
      { type: "ERROR", error: { message: "café closed" } },
    ]);

    await scheduler.decline([{ value: "m-O7" }], { refuse_seconds: 60 });
    const call = await fake.call(0);
    expect(call.body).toBe(
      '{"type":"DECLINE","framework_id":{"value":"fw-0000"},"decline":{"offer_ids":[{"value":"m-O7"}],"filters":{"refuse_seconds":60}}}',
    );
    expect(call.headers["mesos-stream-id"]).toBe("stream-0");
    expect(call.headers["content-type"]).toBe("application/json");
  });

  it("decodes records split across chunks at any byte", async () => {
    const fake = await master();
    const scheduler = client({ master: fake.address });
    const rescinded: string[] = [];
    scheduler.on("RESCIND", (event) => rescinded.push(event.rescind.offer_id.value));
    await scheduler.subscribe();
    const sub = await fake.subscription(0);
    const bytes = Buffer.concat(
      ["m-O1", "m-Ö2", "m-O3"].map((id) => {
        const json = Buffer.from(JSON.stringify({ type: "RESCIND", rescind: { offer_id: { value: id } } }));
        return Buffer.concat([Buffer.from(`${json.length}\n`), json]);
      }),
    );
    for (let at = 0; at < bytes.length; at += 3) {
      sub.raw.write(bytes.subarray(at, at + 3));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await eventually(() => rescinded.length === 3);
    expect(rescinded).toEqual(["m-O1", "m-Ö2", "m-O3"]);
  });

  it("follows a protocol-relative 307 to the leader and sends calls there", async () => {
    const leader = await master();
    const follower = await master();
    follower.answerSubscribe = () => ({ status: 307, headers: { Location: `//${leader.address}` } });
    const scheduler = client({ master: follower.address });
    const subscription = await scheduler.subscribe();
    expect(subscription.leader).toBe(leader.url);
    expect(scheduler.leader).toBe(leader.url);
    await scheduler.revive(["web"]);
    expect((await leader.call(0)).json).toEqual({
      type: "REVIVE",
      framework_id: { value: "fw-0000" },
      revive: { roles: ["web"] },
    });
    expect(follower.calls).toHaveLength(0);
  });

  it("tries the next master when one is unreachable", async () => {
    const gone = await master();
    await gone.close();
    servers.splice(servers.indexOf(gone), 1);
    const live = await master();
    const scheduler = client({ master: [gone.address, live.url] });
    expect((await scheduler.subscribe()).leader).toBe(live.url);
  });

  it("rejects with the status and body text when the master refuses", async () => {
    const fake = await master();
    fake.answerSubscribe = () => ({ status: 400, body: "Failed to validate scheduler::Call: bad" });
    const scheduler = client({ master: fake.address });
    const error = await scheduler.subscribe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MesosHttpError);
    expect(error).toMatchObject({ status: 400, body: "Failed to validate scheduler::Call: bad" });
    expect(scheduler.state).toBe("idle");

    fake.answerSubscribe = () => undefined;
    await scheduler.subscribe();
    fake.answerCall = () => ({ status: 403, body: "Framework is not subscribed" });
    const callError = await scheduler.kill("task-1", "m-S0").catch((e: unknown) => e);
    expect(callError).toMatchObject({ status: 403, body: "Framework is not subscribed" });
    expect((callError as Error).message).toContain("Framework is not subscribed");
  });

  it("surfaces an ERROR that refuses the subscription and rejects subscribe()", async () => {
    const refusing = await FakeMesosEndpoint.start({
      path: "/api/v1/scheduler",
      streamIds: true,
      firstEvent: () => ({ type: "ERROR", error: { message: "Framework has been removed" } }),
    });
    servers.push(refusing);
    const errors: string[] = [];
    const refused = client({
      master: refusing.address,
      frameworkInfo: { ...FRAMEWORK_INFO, id: { value: "old" } },
    });
    refused.on("ERROR", (event) => errors.push(event.error.message));
    const error = await refused.subscribe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MesosErrorEvent);
    expect(errors).toEqual(["Framework has been removed"]);
    const sent = (await refusing.subscription(0)).json;
    expect(sent.framework_id).toEqual({ value: "old" });
  });

  it("close() ends the stream, the iterators and refuses further calls", async () => {
    const fake = await master();
    const scheduler = client({ master: fake.address });
    const closed: unknown[] = [];
    scheduler.on("closed", (notice) => closed.push(notice));
    await scheduler.subscribe();
    const iterator = scheduler.events();
    const pending = iterator.next();
    const sub = await fake.subscription(0);
    await scheduler.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await eventually(() => sub.stream.isClosed);
    expect(closed).toEqual([{}]);
    await expect(scheduler.revive()).rejects.toThrow(/not subscribed/);
  });
});
