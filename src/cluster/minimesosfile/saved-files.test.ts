import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { devPreset, type ResourceEntry } from "../spec/index.js";
import { loadMinimesosFile, type MinimesosFileResult } from "./index.js";

/** The saved minimesosFiles live in `shared/` beside the repository (`/work/shared` here and in CI). */
const SAVED = new URL("../../../../shared/minimesosfiles/", import.meta.url);

function load(name: string): MinimesosFileResult {
  return loadMinimesosFile(readFileSync(new URL(name, SAVED), "utf8"), name);
}

const value = (resources: readonly ResourceEntry[] | undefined, name: string, role = "*") =>
  resources?.find((r) => r.name === name && r.role === role)?.value;

const noticeAbout = (result: MinimesosFileResult, property: string) =>
  result.notices.filter((n) => n.includes(`'${property}' no longer applies`));

const unavailableRoles = (result: MinimesosFileResult) => result.unavailable.map((u) => u.role).sort();

describe("saved minimesosFiles", () => {
  it("all load and resolve with the dev preset", () => {
    const names = readdirSync(fileURLToPath(SAVED));
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect(devPreset(load(name).spec).agents.length, name).toBeGreaterThan(0);
  });

  it("basic.groovy: package line, role-specific resources, mapPortsToHost", () => {
    const result = load("cli__src__integration-test__resources__clusterconfig__basic.groovy");
    expect(result.spec).toMatchObject({ clusterName: "minimesos-test", mapPortsToHost: true, timeout: 60 });
    expect(result.spec.agents).toHaveLength(1);
    const resources = devPreset(result.spec).agents[0]?.resources;
    expect(value(resources, "cpus", "logstash")).toBe(0.2);
    expect(value(resources, "mem", "logstash")).toBe(512);
    expect(value(resources, "cpus")).toBe(4);
    expect(value(resources, "disk")).toBe(5120);
    expect(unavailableRoles(result)).toEqual(["zookeeper"]);
    expect(result.notices.map((n) => /'(\w+)' no longer/.exec(n)?.[1])).toEqual([
      "mesosVersion",
      "imageName",
      "imageTag",
    ]);
  });

  it("two-agents.groovy: two agents, the empty one gets defaults", () => {
    const result = load("cli__src__integration-test__resources__clusterconfig__two-agents.groovy");
    const spec = devPreset(result.spec);
    expect(spec.agents.map((a) => value(a.resources, "disk"))).toEqual([8192, 10240]);
    expect(spec.agents.map((a) => a.port)).toEqual([5051, 5052]);
    expect(result.notices).toEqual([]);
    expect(result.unavailable).toEqual([]);
  });

  it("complete-minimesosFile: every block", () => {
    const result = load("cli__src__integration-test__resources__configFiles__complete-minimesosFile");
    expect(result.spec.master).toEqual({ authenticate: false });
    expect(value(result.spec.agents?.[0]?.resources, "mem")).toBe(512);
    expect(value(result.spec.agents?.[0]?.resources, "ports")).toBe("[31000-32000]");
    expect(unavailableRoles(result)).toEqual(["zookeeper"]);
    expect(noticeAbout(result, "imageName")).toHaveLength(1);
    expect(noticeAbout(result, "imageName")[0]).toMatch(
      /:10: 'imageName' .* \(also on lines 40, 45, 52, 58, 63, 68\)/,
    );
  });

  it("marathonAppConfig-minimesosFile: one Marathon app by path", () => {
    const result = load(
      "cli__src__integration-test__resources__configFiles__marathonAppConfig-minimesosFile",
    );
    expect(result.spec.marathon).toEqual({ apps: ["src/test/resources/app.json"], groups: [] });
    expect(value(result.spec.agents?.[0]?.resources, "cpus")).toBe(8);
    expect(result.unavailable.find((u) => u.role === "marathon")).toBeUndefined();
  });

  it("withMarathon-minimesosFile: no master or agent block", () => {
    const result = load("cli__src__integration-test__resources__configFiles__withMarathon-minimesosFile");
    expect(result.spec.agents).toBeUndefined();
    expect(result.notices).toContain(
      "cli__src__integration-test__resources__configFiles__withMarathon-minimesosFile:1: no 'agent' block: the cluster gets one agent with default resources",
    );
    expect(devPreset(result.spec).agents).toHaveLength(1);
    expect(result.unavailable).toEqual([]);
  });

  it("minimal-minimesosFile: properties only", () => {
    const result = load("cli__src__test__resources__configFiles__minimal-minimesosFile");
    expect(result.spec).toEqual({
      clusterName: "minimesos-test",
      mapPortsToHost: false,
      loggingLevel: "INFO",
      mapAgentSandboxVolume: false,
      timeout: 60,
    });
    expect(noticeAbout(result, "mesosVersion")).toHaveLength(1);
  });

  it("authenticationTest: authenticate and a triple-quoted aclJson", () => {
    const result = load("minimesos__src__test__resources__configFiles__minimesosFile-authenticationTest");
    expect(result.spec.master?.authenticate).toBe(true);
    const acls = JSON.parse(String(result.spec.master?.aclJson)) as { run_tasks: { users: unknown }[] };
    expect(acls.run_tasks[0]?.users).toEqual({ values: ["alice"] });
  });

  it("mesosClusterTest: three agents, attributes, shared ports noticed", () => {
    const result = load("minimesos__src__test__resources__configFiles__minimesosFile-mesosClusterTest");
    expect(result.spec.agents).toHaveLength(3);
    expect(result.spec.agents?.[0]?.attributes).toBe("az:0a");
    expect(result.spec.agents?.[1]?.attributes).toBeUndefined();
    expect(devPreset(result.spec).agents.map((a) => a.port)).toEqual([5051, 5052, 5053]);
    expect(result.notices.filter((n) => n.includes("portNumber 5051 is also used"))).toHaveLength(2);
    expect(result.notices.filter((n) => n.includes("[31000-32000] overlap"))).toHaveLength(2);
  });

  it("old main minimesosFile: `minimesos = {` and exposePorts", () => {
    const result = load("minimesos__src__main__resources__minimesosFile");
    expect(value(result.spec.agents?.[0]?.resources, "cpus")).toBe(0.25);
    expect(noticeAbout(result, "exposePorts")[0]).toMatch(/:3: 'exposePorts' .*mapPortsToHost = true/);
  });

  it("hostNetworkingTest: networkMode and placeholder tags", () => {
    const result = load("minimesos__src__test__resources__configFiles__minimesosFile-hostNetworkingTest");
    expect(noticeAbout(result, "networkMode")).toHaveLength(1);
    expect(noticeAbout(result, "networkMode")[0]).toMatch(/:14: .*also on lines 43, 49, 56, 62/);
    expect(result.spec.agents?.[0]?.loggingLevel).toBeUndefined();
    expect(value(result.spec.agents?.[0]?.resources, "mem")).toBe(256);
    expect(unavailableRoles(result)).toEqual(["zookeeper"]);
  });
});
