import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { probe } from "./http-probe.js";
import { activeAgentIds, isHealthy } from "./readiness.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A tiny master: /health answers `healthStatus`, /master/slaves lists `slaves`. */
async function serve(healthStatus: number, slaves: unknown[]): Promise<string> {
  server = createServer((req, res) => {
    if (req.url === "/health") res.writeHead(healthStatus).end();
    else if (req.url === "/master/slaves") res.writeHead(200).end(JSON.stringify({ slaves }));
    else res.writeHead(404).end("nope");
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("readiness checks", () => {
  it("probe returns the status and body", async () => {
    const url = await serve(200, []);
    expect(await probe(`${url}/elsewhere`)).toEqual({ status: 404, body: "nope" });
  });

  it("probe fails when nothing listens", async () => {
    const url = await serve(200, []);
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    await expect(probe(`${url}/health`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("isHealthy is true on 200 only", async () => {
    expect(await isHealthy(await serve(200, []))).toBe(true);
    await new Promise((resolve) => server?.close(resolve));
    expect(await isHealthy(await serve(503, []))).toBeUndefined();
  });

  it("activeAgentIds waits until every pid is registered and active", async () => {
    const slaves = [
      { id: "S1", pid: "slave(1)@127.0.1.1:5051", active: true },
      { id: "S2", pid: "slave(1)@127.0.1.2:5052", active: false },
    ];
    const url = await serve(200, slaves);
    expect(await activeAgentIds(url, ["slave(1)@127.0.1.1:5051"])).toEqual(["S1"]);
    expect(await activeAgentIds(url, ["slave(1)@127.0.1.1:5051", "slave(1)@127.0.1.2:5052"])).toBeUndefined();
  });
});
