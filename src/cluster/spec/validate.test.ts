import { describe, expect, it } from "vitest";
import {
  classifyMarathonDefinition,
  ClusterSpecError,
  parseClusterSpecJson,
  validateClusterSpec,
} from "./index.js";

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ClusterSpecError) return error.problems;
    throw error;
  }
  throw new Error("expected a ClusterSpecError");
}

describe("the JSON form", () => {
  it("accepts the same spec as a JSON object", () => {
    const spec = parseClusterSpecJson(
      JSON.stringify({
        clusterName: "json",
        loggingLevel: "warning",
        agents: [{ resources: [{ name: "ports", value: "[40000-40100]" }], attributes: "rack:r1" }],
        marathon: { apps: [{ id: "/web", cmd: "sleep 1" }, "https://example.invalid/app.json"] },
      }),
      "cluster.json",
    );
    expect(spec.loggingLevel).toBe("WARNING");
    expect(spec.agents?.[0]?.resources?.[0]).toEqual({ name: "ports", role: "*", value: "[40000-40100]" });
    expect(spec.marathon?.apps).toHaveLength(2);
  });

  it("names the path of every problem", () => {
    const problems = problemsOf(() =>
      validateClusterSpec({
        timeout: -1,
        agents: [{ resources: [{ name: "cpus", value: "lots" }], colour: "red" }],
        runtime: "vm",
      }),
    );
    expect(problems).toContain("timeout: timeout is a number of seconds above 0");
    expect(problems).toContain("agents[0]: unknown property 'colour'");
    expect(problems).toContain(
      "agents[0].resources[0].value: Invalid scalar value 'lots' for resource 'cpus'",
    );
    expect(problems).toContain("runtime: runtime is 'process', 'inproc' or 'docker'");
  });

  it("reports invalid JSON, a non-object and bad attributes", () => {
    expect(problemsOf(() => parseClusterSpecJson("{ nope", "c.json"))[0]).toMatch(/^not valid JSON: /);
    expect(problemsOf(() => parseClusterSpecJson("[]", "c.json"))).toEqual([
      "(top level): expected a JSON object",
    ]);
    expect(problemsOf(() => validateClusterSpec({ agents: [{ attributes: "norack" }] }))[0]).toMatch(
      /^agents\[0\]\.attributes: Invalid attribute 'norack'/,
    );
    expect(problemsOf(() => validateClusterSpec({ loggingLevel: "DEBUG" }))).toEqual([
      "loggingLevel: loggingLevel can only be INFO, WARNING or ERROR",
    ]);
  });

  it("requires consul beside registrator", () => {
    expect(problemsOf(() => validateClusterSpec({ registrator: {} }))).toEqual([
      "registrator: registrator requires consul",
    ]);
  });

  it("puts the source name and the problems in the message", () => {
    expect(() => parseClusterSpecJson('{"agents": {}}', "cluster.json")).toThrow(
      /^cluster\.json is not a valid cluster spec:\n {2}agents: /,
    );
  });
});

describe("classifyMarathonDefinition", () => {
  it("tells inline JSON, URLs, files and objects apart", () => {
    expect(classifyMarathonDefinition(' {"id": "/a"}')).toEqual({ kind: "inline", text: '{"id": "/a"}' });
    expect(classifyMarathonDefinition("https://h/app.json")).toEqual({
      kind: "url",
      url: "https://h/app.json",
    });
    expect(classifyMarathonDefinition("src/test/app.json")).toEqual({
      kind: "file",
      path: "src/test/app.json",
    });
    expect(classifyMarathonDefinition({ id: "/a" })).toEqual({ kind: "object", value: { id: "/a" } });
  });
});
