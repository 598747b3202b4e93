import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { encodeJsonRecord } from "../common/recordio.js";
import { startMaster, type Master } from "../master/master.js";
import { MasterHarness, launchCall, smallTask } from "../master/testing/harness.js";
import type { Offer } from "./offer.js";
import type { OperatorEvent } from "./operator-events.js";
import { OperatorSubscription } from "./operator-subscription.js";

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function follow(
  master: string,
  options: Partial<ConstructorParameters<typeof OperatorSubscription>[0]> = {},
) {
  const subscription = new OperatorSubscription({
    master,
    reconnect: { initialDelayMs: 10, maxDelayMs: 50 },
    ...options,
  });
  const events: OperatorEvent[] = [];
  const notices = { subscribed: 0, disconnected: 0 };
  subscription.on("event", (e) => events.push(e));
  subscription.on("subscribed", () => notices.subscribed++);
  subscription.on("disconnected", () => notices.disconnected++);
  cleanups.push(() => subscription.close());
  return { subscription: subscription.start(), events, notices };
}

describe("OperatorSubscription against a real master", () => {
  it("starts from the SUBSCRIBED snapshot and follows tasks, agents and frameworks", async () => {
    const h = await MasterHarness.start();
    cleanups.push(() => h.close());
    const agent = await h.agent();
    const scheduler = await h.scheduler({ name: "marathon" });
    const { subscription, events } = follow(h.url);
    await subscription.firstSnapshot;
    expect(subscription.connected).toBe(true);
    expect(subscription.master?.pid).toMatch(/^master@127\.0\.0\.1:\d+$/);
    expect([...subscription.mirror.agents.keys()]).toEqual([agent.agentId]);
    expect(subscription.mirror.agents.get(agent.agentId)?.pid).toBe("slave(1)@127.0.0.1:5051");
    expect(subscription.mirror.frameworks.get(scheduler.frameworkId)?.framework_info.name).toBe("marathon");

    const offer = ((await scheduler.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    await scheduler.call("ACCEPT", launchCall(offer, [smallTask("web-1")]));
    await until(() => subscription.mirror.task(scheduler.frameworkId, "web-1") !== undefined, "TASK_ADDED");
    expect(subscription.mirror.task(scheduler.frameworkId, "web-1")?.state).toBe("TASK_STAGING");
    await agent.statusUpdate(scheduler.frameworkId, "web-1", "TASK_RUNNING");
    await until(
      () => subscription.mirror.task(scheduler.frameworkId, "web-1")?.state === "TASK_RUNNING",
      "RUNNING",
    );
    await agent.statusUpdate(scheduler.frameworkId, "web-1", "TASK_KILLED");
    await until(() => subscription.mirror.task(scheduler.frameworkId, "web-1") === undefined, "the kill");
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["SUBSCRIBED", "TASK_ADDED", "TASK_UPDATED"]),
    );
    await scheduler.call("TEARDOWN");
    await until(() => subscription.mirror.frameworks.size === 0, "FRAMEWORK_REMOVED");
  });

  it("subscribes again after the master restarts and starts from its new snapshot", async () => {
    let master: Master = await startMaster({ port: 0 });
    cleanups.push(() => master.stop());
    const port = Number(new URL(master.url).port);
    const { subscription, notices } = follow(master.url);
    await subscription.firstSnapshot;
    await master.stop();
    await until(() => notices.disconnected >= 1, "the stream to drop");
    expect(subscription.connected).toBe(false);
    master = await startMaster({ port });
    await until(() => notices.subscribed === 2, "a second SUBSCRIBED");
    expect(subscription.connected).toBe(true);
    expect(subscription.master?.id).toBeDefined();
  });

  it("treats a stream that misses its heartbeats as gone", async () => {
    let subscribes = 0;
    const server: Server = createServer((request, response) => {
      subscribes++;
      request.resume();
      if (request.headers["content-type"] !== "application/json") return void response.writeHead(415).end();
      let body = "";
      request.on("data", (c: Buffer) => (body += c.toString()));
      request.on("end", () => {
        if (body.includes("GET_MASTER")) {
          subscribes--;
          return void response.writeHead(200, { "Content-Type": "application/json" }).end(
            JSON.stringify({
              type: "GET_MASTER",
              get_master: { master_info: { id: "m", pid: "master@127.0.0.1:1" } },
            }),
          );
        }
        response.writeHead(200, { "Content-Type": "application/json" });
        // SUBSCRIBED promising a heartbeat every 50 ms, then silence.
        response.write(
          encodeJsonRecord({
            type: "SUBSCRIBED",
            subscribed: { get_state: {}, heartbeat_interval_seconds: 0.05 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(
      () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
    );
    const address = server.address() as { port: number };
    const { subscription, notices } = follow(`127.0.0.1:${address.port}`, { heartbeatTimeoutFactor: 2 });
    await subscription.firstSnapshot;
    await until(
      () => notices.disconnected >= 1 && subscribes >= 2,
      "a re-subscription after missed heartbeats",
    );
  });
});
