import { describe, expect, it } from "vitest";
import { loadMinimesosFile, MinimesosFileError } from "./index.js";

const cluster = (body: string) => `minimesos {\n${body}\n}\n`;

function errorOf(text: string): string {
  try {
    loadMinimesosFile(text);
  } catch (error) {
    if (error instanceof MinimesosFileError) return error.message;
    throw error;
  }
  throw new Error(`loaded without error: ${text}`);
}

describe("minimesosFile mapping", () => {
  it("maps marathon apps and groups given as paths, URLs and inline JSON", () => {
    const result = loadMinimesosFile(
      cluster(
        [
          "  marathon {",
          '    app { marathonJson = "apps/web.json" }',
          '    app { marathonJson = "https://example.invalid/a.json" }',
          "    app {",
          '      marathonJson = """{ "id": "/inline", "cmd": "sleep 100" }"""',
          "    }",
          '    group { marathonJson = "group.json" }',
          '    cmd = "--master zk://x"',
          "  }",
        ].join("\n"),
      ),
    );
    expect(result.spec.marathon?.apps).toEqual([
      "apps/web.json",
      "https://example.invalid/a.json",
      '{ "id": "/inline", "cmd": "sleep 100" }',
    ]);
    expect(result.spec.marathon?.groups).toEqual(["group.json"]);
    expect(result.notices).toEqual([
      "minimesosFile:9: 'cmd' no longer applies and is ignored: the built-in Marathon-compatible scheduler has no start command",
      "minimesosFile:1: no 'agent' block: the cluster gets one agent with default resources",
    ]);
    expect(result.unavailable).toEqual([]);
  });

  it("keeps every not-yet-available role and reports it with its line", () => {
    const result = loadMinimesosFile(
      cluster(
        "  agent { }\n  chronos { portNumber = 4401 }\n  mesosdns { }\n  consul { }\n  registrator { }\n  zookeeper { }",
      ),
    );
    expect(result.spec).toMatchObject({ chronos: { port: 4401 }, mesosdns: {}, consul: {}, registrator: {} });
    expect(result.unavailable).toEqual([{ role: "zookeeper", line: 7 }]);
  });

  it("treats roles the caller can run as available", () => {
    const result = loadMinimesosFile(cluster("  marathon { }\n  chronos { }"), "minimesosFile", {
      availableRoles: ["master", "agent", "marathon"],
    });
    expect(result.unavailable).toEqual([{ role: "chronos", line: 3 }]);
  });

  it("maps agent and master settings", () => {
    const result = loadMinimesosFile(
      cluster(
        [
          '  loggingLevel = "warning"',
          '  runtime = "inproc"',
          '  master { portNumber = 6050; loggingLevel = "error"; authenticate = "true" }',
          '  agent { portNumber = "6051"; attributes = "rack:r1;zone:a"; containerizers = "docker, mesos"',
          '    resources { cpu { role = "web"; value = "1.5" } ports { value = "[40000-40009]" } } }',
        ].join("\n"),
      ),
    );
    expect(result.spec).toMatchObject({
      loggingLevel: "WARNING",
      runtime: "inproc",
      master: { port: 6050, loggingLevel: "ERROR", authenticate: true },
      agents: [
        {
          port: 6051,
          attributes: "rack:r1;zone:a",
          containerizers: ["docker", "mesos"],
          resources: [
            { name: "cpus", role: "web", value: 1.5 },
            { name: "ports", role: "*", value: "[40000-40009]" },
          ],
        },
      ],
    });
  });

  it("rejects unknown properties and blocks with their line", () => {
    expect(errorOf(cluster("  agent {\n    colour = 'red'\n  }"))).toBe(
      "minimesosFile:3:5: unknown property 'colour' in 'agent' (known: portNumber, attributes, loggingLevel, containerizers, hostname, imageName, imageTag, networkMode)",
    );
    expect(errorOf(cluster("  kafka { }"))).toMatch(
      /^minimesosFile:2:3: block 'kafka' is not supported in 'minimesos' \(expected: master, agent, zookeeper/,
    );
    expect(errorOf(cluster("  master { resources { } }"))).toMatch(
      /^minimesosFile:2:12: block 'resources' is not supported in 'master'/,
    );
    expect(errorOf(cluster("  agent { resources = 3 }"))).toBe(
      "minimesosFile:2:11: 'resources' is a block: write resources { ... }",
    );
  });

  it("rejects duplicates, missing values and wrong types", () => {
    expect(errorOf(cluster("  master { }\n  master { }"))).toBe(
      "minimesosFile:3:3: only one 'master' block is allowed; the first is at line 2",
    );
    expect(errorOf(cluster("  timeout = 60\n  timeout = 30"))).toBe(
      "minimesosFile:3:3: 'timeout' is already set at line 2",
    );
    expect(errorOf(cluster("  marathon { app { } }"))).toBe(
      "minimesosFile:2:14: App config must have a 'marathonJson' property",
    );
    expect(errorOf(cluster("  agent { resources { cpu { role = 'x' } } }"))).toBe(
      "minimesosFile:2:23: 'cpu' needs a 'value'",
    );
    expect(errorOf(cluster("  agent { resources { cpu { value = '0,5' } } }"))).toBe(
      "minimesosFile:2:37: 'value' must use '.' as the decimal separator",
    );
    expect(errorOf(cluster("  agent { resources { ports { value = '31000-32000' } } }"))).toMatch(
      /^minimesosFile:2:39: invalid 'ports' value: /,
    );
    expect(errorOf(cluster("  agent { resources { cpu { value = 1 }\n cpu { value = 2 } } }"))).toBe(
      "minimesosFile:3:2: cpus(*) is already set at line 2",
    );
    expect(errorOf(cluster('  loggingLevel = "debug"'))).toBe(
      "minimesosFile:2:18: Property 'loggingLevel' can only have the values INFO, WARNING or ERROR. Got 'debug'",
    );
    expect(errorOf(cluster("  mapPortsToHost = 1"))).toBe(
      "minimesosFile:2:20: 'mapPortsToHost' must be true or false, got 1",
    );
    expect(errorOf(cluster("  agent { portNumber = 99999 }"))).toMatch(
      /^minimesosFile:2:24: 'portNumber' must be a port number/,
    );
    expect(errorOf(cluster("  registrator { }"))).toBe(
      "minimesosFile:2:3: registrator requires consul: add a 'consul { }' block to the minimesosFile",
    );
  });

  it("requires exactly one top-level minimesos block", () => {
    expect(errorOf("")).toBe("minimesosFile:1:1: expected a 'minimesos { ... }' block");
    expect(errorOf("// only a comment\ntimeout = 60")).toBe(
      "minimesosFile:2:1: 'timeout' must be inside 'minimesos { ... }'",
    );
    expect(errorOf("agent { }")).toBe("minimesosFile:1:1: expected 'minimesos { ... }', found block 'agent'");
    expect(errorOf("minimesos { }\nminimesos { }")).toMatch(/^minimesosFile:2:1: only one top-level/);
  });
});
