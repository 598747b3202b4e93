import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMarathonCluster, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster;
beforeAll(async () => {
  cluster = await startMarathonCluster();
});
afterAll(() => cluster?.close());

const app = { id: "/linker", cmd: "sleep 100", instances: 0, cpus: 0.1, mem: 16 };

describe("Marathon refuses bodies it could not store", () => {
  it("answers 400 error.expected.jsobject for bodies that are not objects, and stores nothing", async () => {
    const routes: Array<[string, string]> = [
      ["POST", "/v2/apps"],
      ["PUT", "/v2/apps/linker"],
      ["PATCH", "/v2/apps/linker"],
      ["POST", "/v2/groups"],
      ["PUT", "/v2/groups/g"],
    ];
    for (const [method, path] of routes)
      for (const body of ["1", "null", "[]", '"text"', "[".repeat(100_000)]) {
        const res = await cluster.api(path, { method, body });
        expect(res.status, `${method} ${path} ${body.slice(0, 10)}`).toBe(400);
        expect(typeof res.json.message).toBe("string");
      }
    const res = await cluster.api("/v2/apps", { method: "POST", body: "[1]" });
    expect(res.json).toEqual({
      message: "Invalid JSON",
      details: [{ path: "/", errors: ["error.expected.jsobject"] }],
    });
    expect((await cluster.api("/v2/apps")).json.apps).toEqual([]);
    expect((await cluster.api("/v2/groups")).json.groups).toEqual([]);
  });

  it("answers 415 unless the body is declared application/json", async () => {
    for (const headers of [
      { "Content-Type": "text/plain" },
      { "Content-Type": "application/x-www-form-urlencoded" },
    ]) {
      const res = await cluster.api("/v2/apps", { method: "POST", body: JSON.stringify(app), headers });
      expect(res.status).toBe(415);
      expect(res.json).toEqual({ message: "HTTP 415 Unsupported Media Type" });
    }
    const charset = await cluster.api("/v2/apps", {
      method: "POST",
      body: JSON.stringify({ ...app, id: "/charset" }),
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
    expect(charset.status).toBe(201);
  });

  it("refuses an app inside another app, either way round, with Marathon's 422", async () => {
    expect((await cluster.api("/v2/apps", { method: "POST", body: app })).status).toBe(201);
    const clash = {
      message: "Object is not valid",
      details: [{ path: "/", errors: ["Groups and Applications may not have the same identifier."] }],
    };
    const child = await cluster.api("/v2/apps", { method: "POST", body: { ...app, id: "/linker/child" } });
    expect(child.status).toBe(422);
    expect(child.json).toEqual(clash);
    const parent = await cluster.api("/v2/apps", { method: "POST", body: { ...app, id: "/a/b" } });
    expect(parent.status).toBe(201);
    const over = await cluster.api("/v2/apps/a", { method: "PUT", body: { ...app, id: "/a" } });
    expect(over.status).toBe(422);
    expect(over.json).toEqual(clash);
    const ids = ((await cluster.api("/v2/apps")).json.apps as Array<{ id: string }>).map((a) => a.id).sort();
    expect(ids).toEqual(["/a/b", "/charset", "/linker"]);
    expect(
      (await cluster.api("/v2/apps", { method: "POST", body: { ...app, id: "/linker-two" } })).status,
    ).toBe(201);
  });

  it("validates the executor as Marathon's whole-string pattern and the 2013 scale call's instances", async () => {
    for (const executor of ["//", "a//b", "/"]) {
      const res = await cluster.api("/v2/apps", { method: "POST", body: { ...app, id: "/exec", executor } });
      expect(res.status, executor).toBe(422);
      expect(res.json.details[0].path).toBe("/executor");
    }
    for (const executor of ["//cmd", "/opt/exec", "exec", ""]) {
      const id = `/exec${executor.replace(/\W/g, "")}`;
      const res = await cluster.api("/v2/apps", { method: "POST", body: { ...app, id, executor } });
      expect(res.status, executor).toBe(201);
    }
    for (const instances of ["abc", -5, 1.5]) {
      const res = await cluster.api("/v1/apps/scale", { method: "POST", body: { id: "linker", instances } });
      expect(res.status, String(instances)).toBe(422);
    }
    const linker = await cluster.api("/v2/apps/linker");
    expect(linker.json.app.instances).toBe(0);
  });
});
