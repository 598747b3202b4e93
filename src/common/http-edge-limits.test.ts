import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp, listen, singleValuedQuery } from "./http-server.js";
import { silentLogger } from "./logger.js";

const app = createHttpApp(silentLogger(), { maxJsonDepth: 8, headersTimeoutMs: 300 });
app.post("/echo", async (request, reply) => reply.send(request.body));
app.get("/query", async (request, reply) => reply.send(singleValuedQuery(request)));
app.get("/health", async (_request, reply) => reply.send(""));
let base = "";

beforeAll(async () => {
  base = `http://127.0.0.1:${(await listen(app, "127.0.0.1", 0)).port}`;
});
afterAll(() => app.close());

const post = (body: string, type = "application/json") =>
  fetch(`${base}/echo`, { method: "POST", headers: { "Content-Type": type }, body });

describe("the edge of every role's HTTP server", () => {
  it("refuses JSON nested deeper than the limit with 400 before any handler runs", async () => {
    const deep = await post(`{"a":${"[".repeat(9)}${"]".repeat(9)}}`);
    expect(deep.status).toBe(400);
    expect(await deep.text()).toBe("JSON nesting is deeper than 8 levels");
    expect((await post(`{"a":${"[".repeat(6)}${"]".repeat(6)}}`)).status).toBe(200);
    // A body that looks like JSON is checked whatever its content type says.
    expect((await post("[".repeat(20), "text/plain")).status).toBe(400);
  });

  it("refuses lone surrogates, which no UTF-8 output could carry", async () => {
    const res = await post('{"name":"\\ud800"}');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/lone surrogate/);
  });

  it("takes the last value of a repeated query parameter", async () => {
    expect(await (await fetch(`${base}/query?path=A&path=B&x=1`)).json()).toEqual({ path: "B", x: "1" });
  });

  it("drops clients that send their headers too slowly while others are served at once", async () => {
    const sockets: Socket[] = [];
    const closed = Array.from({ length: 20 }, () => {
      const socket = connect(Number(new URL(base).port), "127.0.0.1");
      sockets.push(socket);
      socket.on("error", () => undefined);
      socket.resume();
      socket.write("GET /health HTTP/1.1\r\nHost: x\r\n");
      return new Promise<number>((resolve) => {
        const started = Date.now();
        socket.on("close", () => resolve(Date.now() - started));
      });
    });
    try {
      const t0 = Date.now();
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect(Date.now() - t0).toBeLessThan(250);
      const times = await Promise.race([
        Promise.all(closed),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("slow clients kept")), 5000)),
      ]);
      expect(times.every((ms) => ms >= 250)).toBe(true);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});
