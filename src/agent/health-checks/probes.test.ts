import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSelfSignedCert } from "../../../test/support/self-signed-cert.js";
import { httpProbe } from "./probes.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

describe("httpProbe", () => {
  let certDir: string;
  let tls: { cert: Buffer; key: Buffer };
  let server: HttpServer | HttpsServer | undefined;

  beforeAll(() => {
    certDir = mkdtempSync(join(tmpdir(), "probe-cert-"));
    const files = createSelfSignedCert(certDir);
    tls = { cert: readFileSync(files.cert), key: readFileSync(files.key) };
  });
  afterAll(() => rmSync(certDir, { recursive: true, force: true }));
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  const listen = async (secure: boolean, handler: Handler): Promise<number> => {
    const created = secure ? createHttpsServer(tls, handler) : createHttpServer(handler);
    server = created;
    await new Promise<void>((resolve) => created.listen(0, "127.0.0.1", resolve));
    return (created.address() as AddressInfo).port;
  };
  const answer =
    (status: number, seen: string[] = []): Handler =>
    (req, res) => {
      seen.push(req.url ?? "");
      res.statusCode = status;
      if (status >= 300 && status < 400) res.setHeader("location", "/elsewhere");
      res.end("body");
    };

  it("passes an HTTPS check against a self-signed certificate", async () => {
    const seen: string[] = [];
    const port = await listen(true, answer(200, seen));
    const result = await httpProbe({ port, path: "health", scheme: "https" }, 2000);
    expect(result).toEqual({ healthy: true, message: "" });
    expect(seen).toEqual(["/health"]);
  });

  it("fails an HTTPS check against a plain HTTP server", async () => {
    const port = await listen(false, answer(200));
    const result = await httpProbe({ port, scheme: "https" }, 2000);
    expect(result.healthy).toBe(false);
    expect(result.message).toContain(`https://127.0.0.1:${port}/`);
  });

  it("treats 200-399 as healthy without following redirects, and 400+ as unhealthy", async () => {
    const seen: string[] = [];
    const port = await listen(true, answer(302, seen));
    expect((await httpProbe({ port, path: "/", scheme: "https" }, 2000)).healthy).toBe(true);
    expect(seen).toEqual(["/"]);
    await new Promise((resolve) => server?.close(resolve));
    const plainPort = await listen(false, answer(503));
    const result = await httpProbe({ port: plainPort, path: "/" }, 2000);
    expect(result).toEqual({
      healthy: false,
      message: `Unexpected HTTP status code 503 from http://127.0.0.1:${plainPort}/`,
    });
  });

  it("fails after timeout_seconds when the server never finishes answering", async () => {
    const port = await listen(true, (_req, res) => {
      res.writeHead(200);
      res.write("partial");
    });
    const started = Date.now();
    const result = await httpProbe({ port, scheme: "https" }, 300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({
      healthy: false,
      message: `HTTP health check to https://127.0.0.1:${port}/ failed: timed out after 0.3s`,
    });
  });

  it("fails when nothing listens on the port", async () => {
    const port = await listen(false, answer(200));
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    const result = await httpProbe({ port }, 1000);
    expect(result.healthy).toBe(false);
    expect(result.message).toMatch(/ECONNREFUSED/);
  });
});
