import { describe, expect, it } from "vitest";
import { configDiffers } from "./app-definition.js";
import { appJson } from "./app-json.js";
import { mergeOver, parseApp } from "./app-parse.js";

const ok = (json: unknown) => {
  const parsed = parseApp(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.details));
  return { ...parsed.app, version: "v", versionInfo: { lastScalingAt: "v", lastConfigChangeAt: "v" } };
};

describe("parseApp", () => {
  it("reads the 1.3 form (ports, uris, docker.network, docker.portMappings) into the 1.5+ form", () => {
    const app = ok({
      id: "g/web",
      cmd: "x",
      ports: [0, 8080],
      uris: ["http://a/b.tgz"],
      container: {
        type: "DOCKER",
        docker: { image: "nginx", network: "BRIDGE", portMappings: [{ containerPort: 80 }] },
      },
    });
    expect(app.id).toBe("/g/web");
    expect(app.fetch).toEqual([{ uri: "http://a/b.tgz", executable: false, extract: true, cache: false }]);
    expect(app.networks).toEqual([{ mode: "container/bridge" }]);
    expect(app.container?.portMappings).toEqual([
      { containerPort: 80, hostPort: 0, servicePort: 0, protocol: "tcp" },
    ]);
    expect(app.portDefinitions).toEqual([]);
    const host = ok({ id: "/h", cmd: "x", ports: [0, 8080] });
    expect(host.portDefinitions).toEqual([
      { port: 0, protocol: "tcp" },
      { port: 8080, protocol: "tcp" },
    ]);
    expect(ok({ id: "/d", cmd: "x" }).portDefinitions).toEqual([
      { port: 0, name: "default", protocol: "tcp" },
    ]);
  });

  it("answers in the 1.5+ form with the legacy aliases, and reads its own output back unchanged", () => {
    const app = ok({
      id: "/web",
      cmd: "x",
      portDefinitions: [{ port: 10001, name: "http" }],
      healthChecks: [{ path: "/h" }],
    });
    const json = appJson(app);
    expect(json).toMatchObject({
      ports: [10001],
      uris: [],
      storeUrls: [],
      maxLaunchDelaySeconds: 300,
      killSelection: "YOUNGEST_FIRST",
    });
    expect(configDiffers(app, ok(json))).toBe(false);
    expect(configDiffers(app, ok(mergeOver(app, { instances: 5 })))).toBe(false);
    expect(configDiffers(app, ok(mergeOver(app, { cmd: "y" })))).toBe(true);
    expect(ok(mergeOver(app, { ports: [0] })).portDefinitions).toEqual([{ port: 0, protocol: "tcp" }]);
  });

  it("gives the 400 and 422 bodies Marathon gives", () => {
    expect(parseApp({ cmd: "x" })).toMatchObject({
      ok: false,
      status: 400,
      details: [{ path: "/id", errors: ["error.path.missing"] }],
    });
    expect(parseApp({ id: "/a", cmd: "x", portDefinitions: [{ port: "80" }] })).toMatchObject({
      status: 400,
      details: [{ path: "/portDefinitions(0)/port", errors: ["error.expected.jsnumber"] }],
    });
    const invalid = parseApp({
      id: "/a/restart",
      cmd: "x",
      cpus: 0,
      ports: [80, 80],
      constraints: [["host"], ["a", "LIKE"], ["a", "NOPE", "1"], ["a", "MAX_PER", "x"]],
      healthChecks: [{ portIndex: 3 }],
    });
    expect(invalid).toEqual({
      ok: false,
      status: 422,
      message: "Object is not valid",
      details: [
        {
          path: "/id",
          errors: [
            "must not end with any of the following reserved keywords: restart, tasks, versions, ., ..",
          ],
        },
        { path: "/cpus", errors: ["got 0.0, expected 0.001 or more"] },
        { path: "/portDefinitions", errors: ["ports must be unique"] },
        {
          path: "/healthChecks(0)",
          errors: [
            "Health check port indices must address an element of the ports array or container port mappings.",
          ],
        },
        { path: "/constraints(0)", errors: ["Each constraint must have either 2 or 3 fields"] },
        {
          path: "/constraints(1)",
          errors: ["LIKE and UNLIKE require a non-empty, regular expression value"],
        },
        {
          path: "/constraints(2)",
          errors: [
            "operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS",
          ],
        },
        { path: "/constraints(3)", errors: ["MAX_PER requires an integer value"] },
      ],
    });
    expect(parseApp({ id: "/a", cmd: "x", constraints: [["hostname", "UNIQUE", ""]] }).ok).toBe(true);
  });
});
