import { describe, expect, it } from "vitest";
import { startMaster } from "./master.js";
import { FakeAgent } from "./testing/fake-agent.js";
import { EventStream } from "./testing/event-stream.js";
import { TestScheduler } from "./testing/scheduler.js";

describe("startMaster / stop", () => {
  it("binds a free port, reports its id and url, and stop() ends every stream and the server", async () => {
    const master = await startMaster({ port: 0 });
    expect(master.url).toBe(`http://127.0.0.1:${master.port}`);
    expect(master.context.info).toMatchObject({
      id: master.id,
      port: master.port,
      pid: `master@127.0.0.1:${master.port}`,
    });
    expect(master.context.info.ip).toBe(16777343);
    const agent = await FakeAgent.register(master.url);
    const scheduler = await TestScheduler.subscribe(master.url);
    const operator = await EventStream.open(`${master.url}/api/v1`, { type: "SUBSCRIBE" });
    await operator.next("SUBSCRIBED");
    await master.stop();
    await Promise.all([agent.stream.waitEnd(), scheduler.stream.waitEnd(), operator.waitEnd()]);
    await expect(fetch(`${master.url}/health`)).rejects.toThrow();
    await master.stop();
  });

  it("fails clearly when the port is taken", async () => {
    const first = await startMaster({ port: 0 });
    try {
      await expect(startMaster({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});
