import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { ClusterPlan } from "../plan.js";
import { dockerPlan } from "./container-plan.js";

const plan: ClusterPlan = {
  bindAddress: "127.0.0.1",
  master: {
    name: "master",
    role: "master",
    url: "http://127.0.0.1:5050",
    logPath: "/s/logs/master.log",
    flags: { ip: "127.0.0.1", port: "5050", work_dir: "/s/work/master" },
  },
  agents: [
    {
      name: "agent-1",
      role: "agent",
      url: "http://127.0.0.2:5051",
      logPath: "/s/logs/agent-1.log",
      flags: {
        ip: "127.0.0.2",
        port: "5051",
        master: "127.0.0.1:5050",
        hostname: "127.0.0.2",
        work_dir: "/s/work/agent-1",
      },
    },
    {
      name: "agent-2",
      role: "agent",
      url: "http://127.0.0.3:5052",
      logPath: "/s/logs/agent-2.log",
      flags: {
        ip: "127.0.0.3",
        port: "5052",
        master: "127.0.0.1:5050",
        hostname: "db.example",
        work_dir: "relative/agent-2",
        containerizers: "simulated,docker",
        docker_publish_ip: "10.1.2.3",
      },
    },
  ],
  marathon: {
    name: "marathon",
    role: "marathon",
    url: "http://127.0.0.1:8080",
    logPath: "/s/logs/marathon.log",
    flags: {
      master: "127.0.0.1:5050",
      http_address: "127.0.0.1",
      http_port: "8080",
      hostname: "127.0.0.1",
      storage: "/s",
    },
  },
  chronos: {
    name: "chronos",
    role: "chronos",
    url: "http://127.0.0.1:4400",
    logPath: "/s/logs/chronos.log",
    flags: {
      master: "127.0.0.1:5050",
      http_address: "127.0.0.1",
      http_port: "4400",
      hostname: "127.0.0.1",
      storage: "/s/work/chronos",
    },
  },
};

describe("dockerPlan", () => {
  const adapted = dockerPlan(plan, { clusterId: "42", labels: { "minimesos.test": "t-1", team: "core" } });

  it("binds every role on 0.0.0.0 in its container and keeps the host-reachable URLs", () => {
    expect(adapted.master.flags).toMatchObject({
      ip: "0.0.0.0",
      hostname: "master",
      work_dir: "/var/lib/minimesos/master",
    });
    expect(adapted.agents.map((a) => a.url)).toEqual(["http://127.0.0.1:5051", "http://127.0.0.1:5052"]);
    expect(adapted.marathon?.flags).toMatchObject({
      http_address: "0.0.0.0",
      hostname: "marathon",
      storage: "/var/lib/minimesos/marathon",
    });
  });

  it("points the other roles at the master's network alias and lets agents advertise their container IP", () => {
    expect(adapted.agents[0]?.flags).toMatchObject({ ip: "0.0.0.0", master: "master:5050" });
    // No --hostname and no --advertise_ip: bound to 0.0.0.0, the agent advertises its container's address.
    expect(adapted.agents[0]?.flags.hostname).toBeUndefined();
    expect(adapted.agents[0]?.flags.advertise_ip).toBeUndefined();
    expect(adapted.marathon?.flags.master).toBe("master:5050");
    expect(adapted.chronos?.flags).toMatchObject({
      master: "master:5050",
      http_address: "0.0.0.0",
      hostname: "chronos",
      storage: "/var/lib/minimesos/chronos",
    });
    expect(adapted.chronos?.url).toBe("http://127.0.0.1:4400");
  });

  it("gives agents' DOCKER tasks the agent's network namespace, the cluster network and the runtime's labels", () => {
    expect(adapted.agents[0]?.flags).toMatchObject({
      docker_host_network: "container:minimesos-42-agent-1",
      docker_bridge_network: "minimesos-42",
      docker_container_labels: "minimesos.test=t-1;team=core",
    });
    expect(adapted.agents[1]?.flags.docker_host_network).toBe("container:minimesos-42-agent-2");
    expect(dockerPlan(plan, { clusterId: "42" }).agents[0]?.flags.docker_container_labels).toBeUndefined();
    expect(adapted.master.flags.docker_bridge_network).toBeUndefined();
  });

  it("gives agents their host work_dir at the same path, the docker containerizer and loopback publishing (USER networks)", () => {
    expect(adapted.agents[0]?.flags).toMatchObject({
      work_dir: "/s/work/agent-1",
      containerizers: "docker,mesos",
      docker_publish_ip: "127.0.0.1",
    });
    expect(adapted.agents[1]?.flags).toMatchObject({
      work_dir: resolve("relative/agent-2"),
      containerizers: "docker,simulated",
      docker_publish_ip: "10.1.2.3",
    });
  });

  it("keeps a hostname the spec chose", () => {
    expect(adapted.agents[1]?.flags.hostname).toBe("db.example");
  });

  it("leaves the host's plan untouched", () => {
    expect(plan.master.flags.ip).toBe("127.0.0.1");
  });

  it("serves Mesos-DNS on every interface and on port 53 of the cluster network, without a --master flag", () => {
    const mesosdns = {
      name: "mesosdns",
      role: "dns" as const,
      url: "http://127.0.0.1:8123",
      logPath: "/s/logs/mesosdns.log",
      flags: { masters: "127.0.0.1:5050", port: "8053", listener: "127.0.0.1", http_port: "8123" },
    };
    const withDns = dockerPlan({ ...plan, mesosdns }, { clusterId: "42" });
    expect(withDns.mesosdns?.flags).toEqual({
      masters: "master:5050",
      port: "8053",
      listener: "0.0.0.0",
      http_listener: "0.0.0.0",
      http_port: "8123",
      network_port: "53",
      resolvers: "127.0.0.11",
    });
  });
});
