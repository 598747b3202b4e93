import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp, listen, RecordIOStream } from "./http-server.js";
import { silentLogger } from "./logger.js";

const app = createHttpApp(silentLogger());
const streams: RecordIOStream[] = [];
app.get("/events", async (_request, reply) => {
  streams.push(RecordIOStream.open(reply, {}, 256 * 1024));
});
let port = 0;
beforeAll(async () => {
  port = (await listen(app, "127.0.0.1", 0)).port;
});
afterAll(() => app.close());

/** Opens /events; a paused reader reads nothing after the headers. */
function subscribe(paused: boolean): Promise<{ received: () => number }> {
  return new Promise((resolve) => {
    request({ port, host: "127.0.0.1", path: "/events" }, (res) => {
      let bytes = 0;
      if (paused) res.socket.pause();
      else res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("error", () => undefined);
      resolve({ received: () => bytes });
    }).end();
  });
}

describe("event streams with a slow reader", () => {
  it("drop the reader that falls too far behind while the others keep receiving", async () => {
    await subscribe(true);
    const fast = await subscribe(false);
    await new Promise((r) => setTimeout(r, 50));
    const [slowStream, fastStream] = streams;
    const event = { type: "UPDATE", padding: "x".repeat(16 * 1024) };
    let sent = 0;
    while (!slowStream!.isClosed && sent < 2000) {
      slowStream!.send(event);
      fastStream!.send(event);
      sent++;
      await new Promise((r) => setImmediate(r));
    }
    expect(slowStream!.isClosed).toBe(true);
    expect(sent).toBeLessThan(2000);
    expect(fastStream!.isClosed).toBe(false);
    expect(fastStream!.send({ type: "HEARTBEAT" })).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(fast.received()).toBeGreaterThan(sent * 16 * 1024);
    fastStream!.close();
  });
});
