import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createHttpApp, listen } from "../common/http-server.js";
import { silentLogger } from "../common/logger.js";
import { findLeadingMaster, masterOrigin, resolveLocation } from "./master-address.js";
import { MesosHttpError } from "./client-errors.js";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("master addresses", () => {
  it("accept host:port and URLs, and refuse zk://", () => {
    expect(masterOrigin("127.0.0.1:5050").href).toBe("http://127.0.0.1:5050/");
    expect(masterOrigin("https://m1:5050/master/state").href).toBe("https://m1:5050/");
    expect(() => masterOrigin("zk://h:2181/mesos")).toThrow(/ZooKeeper/);
  });

  it("resolve protocol-relative Location headers with the request's scheme", () => {
    const request = new URL("https://m1:5050/api/v1/scheduler");
    expect(resolveLocation("//m2:5051", request).href).toBe("https://m2:5051/");
    expect(resolveLocation("//m2:5051/api/v1/scheduler", request).href).toBe(
      "https://m2:5051/api/v1/scheduler",
    );
  });

  it("find the leader through GET /master/redirect", async () => {
    let leader: string | undefined = "//127.0.0.1:5999";
    app = createHttpApp(silentLogger());
    app.get("/master/redirect", async (_request, reply) =>
      leader
        ? reply.code(307).header("Location", leader).send("")
        : reply.code(503).send("No leader elected"),
    );
    const { port } = await listen(app, "127.0.0.1", 0);
    expect((await findLeadingMaster(`127.0.0.1:${port}`)).href).toBe("http://127.0.0.1:5999/");
    leader = undefined;
    const error = await findLeadingMaster(`127.0.0.1:${port}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MesosHttpError);
    expect(error).toMatchObject({ status: 503, body: "No leader elected" });
  });
});
