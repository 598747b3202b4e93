import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dockerPlan } from "./docker/container-plan.js";
import { publishedPorts } from "./docker/role-ports.js";
import { roleVariables } from "./exports.js";
import { planCluster } from "./plan.js";
import { testPreset } from "./spec/index.js";
import { StateDir } from "./state-dir.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function plan() {
  const dir = mkdtempSync(join(tmpdir(), "minimesos-consul-plan-"));
  dirs.push(dir);
  const state = new StateDir(dir);
  return { state, plan: await planCluster(testPreset({ consul: {}, registrator: {} }), state) };
}

describe("consul and registrator in the cluster plan", () => {
  it("gives Consul its ports and data dir, and registrator the master and Consul", async () => {
    const { state, plan: p } = await plan();
    const consulPort = new URL(p.consul?.url ?? "").port;
    expect(p.consul?.flags).toMatchObject({
      client: "127.0.0.1",
      http_port: consulPort,
      node: "consul",
      data_dir: state.workDir("consul"),
    });
    expect(Number(p.consul?.flags.dns_port)).toBeGreaterThan(0);
    expect(p.registrator?.flags).toMatchObject({
      master: p.master.url.replace("http://", ""),
      registry: `consul://127.0.0.1:${consulPort}`,
      hostname: "minimesos",
    });
  });

  it("runs them in containers: Consul on 0.0.0.0 publishing HTTP and DNS, registrator by the aliases", async () => {
    const { plan: p } = await plan();
    const docker = dockerPlan(p, { clusterId: "c1" });
    expect(docker.consul?.flags).toMatchObject({ client: "0.0.0.0", data_dir: "/var/lib/minimesos/consul" });
    expect(docker.consul?.flags.advertise).toBeUndefined();
    expect(docker.consul?.flags.master).toBeUndefined();
    const port = new URL(p.consul?.url ?? "").port;
    expect(docker.registrator?.flags).toMatchObject({
      master: `master:${new URL(p.master.url).port}`,
      registry: `consul://consul:${port}`,
    });
    const dns = p.consul?.flags.dns_port;
    expect(publishedPorts(docker.consul!)).toEqual([`${port}/tcp`, `${dns}/tcp`, `${dns}/udp`]);
    expect(publishedPorts(docker.registrator!)).toEqual([]);
  });

  it("exports MINIMESOS_CONSUL but nothing for registrator", () => {
    const role = (name: string, url: string) => ({ name, role: name, url }) as never;
    const names = roleVariables({
      roles: [
        role("master", "http://127.0.0.1:5050"),
        role("consul", "http://127.0.0.1:8500"),
        role("registrator", "http://127.0.0.1:8500"),
      ],
    } as never).map((v) => v.name);
    expect(names).toEqual(["MINIMESOS_MASTER", "MINIMESOS_CONSUL"]);
  });
});
