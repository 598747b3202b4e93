import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "./logger.js";
import { bodyText, contentTypeProblem, createHttpApp, sendLegacyJson } from "./http-server.js";

describe("the shared HTTP app", () => {
  const app = createHttpApp(silentLogger(), { bodyLimit: 64 });
  app.post("/echo", async (request, reply) => {
    const problem = contentTypeProblem(request);
    if (problem) return reply.code(problem.status).send(problem.message);
    return reply.send(bodyText(request));
  });
  app.get("/state", async (request, reply) => sendLegacyJson(request, reply, { ok: true }));
  afterEach(async () => undefined);

  it("passes bodies through raw, with a lenient JSON content type", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/echo",
      headers: { "content-type": "application/json; charset=utf-8" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("{not json");
  });

  it("answers Mesos's content-type errors", async () => {
    const missing = await app.inject({ method: "POST", url: "/echo", payload: "{}" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toBe("Expecting 'Content-Type' to be present");
    const other = await app.inject({
      method: "POST",
      url: "/echo",
      headers: { "content-type": "text/xml" },
      payload: "<a/>",
    });
    expect(other.statusCode).toBe(415);
  });

  it("refuses bodies over the limit with 413", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/echo",
      headers: { "content-type": "application/json" },
      payload: "x".repeat(100),
    });
    expect(res.statusCode).toBe(413);
  });

  it("wraps legacy JSON for ?jsonp= and gives unknown routes an empty 404", async () => {
    expect((await app.inject({ url: "/state?jsonp=cb" })).body).toBe('cb({"ok":true});');
    const missing = await app.inject({ url: "/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toBe("");
  });
});
