import { describe, expect, it } from "vitest";
import { parseResourcesFlag } from "../../mesos/resource-text.js";
import { agentResourcesFlag, ClusterSpecError, devPreset, testPreset } from "./index.js";

const valueOf = (resources: { name: string; role: string; value: unknown }[], name: string, role = "*") =>
  resources.find((r) => r.name === name && r.role === role)?.value;

describe("devPreset", () => {
  it("fills today's defaults: process runtime, master 5050, one agent on 5051", () => {
    const spec = devPreset();
    expect(spec).toMatchObject({
      runtime: "process",
      timeoutSeconds: 60,
      loggingLevel: "INFO",
      mapPortsToHost: false,
      mapAgentSandboxVolume: false,
      master: { port: 5050, authenticate: false, loggingLevel: "INFO", flags: {} },
    });
    expect(spec.agents).toHaveLength(1);
    expect(spec.agents[0]).toMatchObject({ port: 5051, attributes: "", containerizers: ["mesos"] });
    expect(spec.agents[0]?.resources).toEqual([
      { name: "cpus", role: "*", value: 4 },
      { name: "mem", role: "*", value: 4096 },
      { name: "disk", role: "*", value: 10240 },
      { name: "ports", role: "*", value: "[31000-31999]" },
    ]);
    expect(spec.marathon).toBeUndefined();
  });

  it("gives agents distinct ports and disjoint task port ranges", () => {
    const spec = devPreset({ agents: [{}, { port: 5051 }, {}] });
    expect(spec.agents.map((a) => a.port)).toEqual([5051, 5052, 5053]);
    expect(spec.agents.map((a) => valueOf(a.resources, "ports"))).toEqual([
      "[31000-31999]",
      "[32000-32999]",
      "[33000-33999]",
    ]);
  });

  it("moves an agent off the master's port", () => {
    expect(devPreset({ master: { port: 5051 } }).agents[0]?.port).toBe(5052);
  });

  it("shrinks task port slices so many agents still fit below 65536", () => {
    const spec = devPreset({ agents: Array.from({ length: 50 }, () => ({})) });
    const last = String(valueOf(spec.agents[49]?.resources ?? [], "ports"));
    expect(last).toMatch(/^\[\d+-\d+\]$/);
    expect(Number(/-(\d+)\]/.exec(last)?.[1])).toBeLessThanOrEqual(65535);
  });

  it("adds role resources beside the defaults and lets `*` entries replace them", () => {
    const spec = devPreset({
      agents: [
        {
          resources: [
            { name: "cpus", role: "logstash", value: 0.2 },
            { name: "disk", role: "*", value: 5120 },
          ],
        },
      ],
    });
    const resources = spec.agents[0]?.resources ?? [];
    expect(valueOf(resources, "cpus")).toBe(4);
    expect(valueOf(resources, "cpus", "logstash")).toBe(0.2);
    expect(valueOf(resources, "disk")).toBe(5120);
    expect(resources.filter((r) => r.name === "disk")).toHaveLength(1);
  });

  it("fills the optional roles' ports and keeps marathon apps", () => {
    const spec = devPreset({ marathon: { apps: ["app.json"] }, mesosdns: {}, consul: {}, registrator: {} });
    expect(spec.marathon).toEqual({ port: 8080, apps: ["app.json"], groups: [] });
    expect(spec.mesosdns).toEqual({ port: 8053, httpPort: 8123 });
    expect(spec.consul).toEqual({ port: 8500, dnsPort: 8600 });
    expect(spec.registrator).toEqual({});
  });

  it("lets the spec choose the runtime and inherit the cluster's logging level", () => {
    const spec = devPreset({
      runtime: "docker",
      loggingLevel: "WARNING",
      agents: [{ loggingLevel: "ERROR" }],
    });
    expect(spec.runtime).toBe("docker");
    expect(spec.master.loggingLevel).toBe("WARNING");
    expect(spec.agents[0]?.loggingLevel).toBe("ERROR");
  });

  it("rejects an invalid spec with a readable error", () => {
    expect(() => devPreset({ agents: [{ port: 70000 }] })).toThrow(ClusterSpecError);
    expect(() => devPreset({ agents: [{ port: 70000 }] })).toThrow(/agents\[0\]\.port: a port is 0\.\.65535/);
  });
});

describe("testPreset", () => {
  it("runs in-process on any free port unless a port is given", () => {
    const spec = testPreset({ agents: [{}, {}], marathon: {}, master: { port: 6000 } });
    expect(spec.runtime).toBe("inproc");
    expect(spec.master.port).toBe(6000);
    expect(spec.agents.map((a) => a.port)).toEqual([0, 0]);
    expect(spec.marathon?.port).toBe(0);
    expect(valueOf(spec.agents[1]?.resources ?? [], "ports")).toBe("[32000-32999]");
  });
});

describe("agentResourcesFlag", () => {
  it("renders Mesos --resources text that parses back", () => {
    const spec = devPreset({ agents: [{ resources: [{ name: "mem", role: "logstash", value: 512 }] }] });
    const flag = agentResourcesFlag(spec.agents[0]?.resources ?? []);
    expect(flag).toBe("cpus(*):4;mem(*):4096;disk(*):10240;ports(*):[31000-31999];mem(logstash):512");
    const parsed = parseResourcesFlag(flag);
    expect(parsed.find((r) => r.name === "mem" && r.role === "logstash")?.scalar?.value).toBe(512);
  });
});
