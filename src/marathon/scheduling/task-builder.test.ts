import { describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import { normalizeApp } from "../model/app-normalize.js";
import { matchResources } from "./resource-match.js";
import { buildTaskInfo } from "./task-builder.js";

const offer: Offer = {
  id: { value: "o1" },
  framework_id: { value: "f" },
  agent_id: { value: "a1" },
  hostname: "agent-1",
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: 1 } },
    { name: "mem", type: "SCALAR", scalar: { value: 256 } },
    { name: "ports", type: "RANGES", ranges: { range: [{ begin: 31000, end: 31005 }] } },
    {
      name: "cpus",
      type: "SCALAR",
      scalar: { value: 2 },
      role: "public",
      reservations: [{ type: "STATIC", role: "public" }],
    },
  ],
};
const app = (extra: Record<string, unknown>) => ({
  ...normalizeApp({ id: "/g/web", cpus: 0.5, mem: 64, ...extra }),
  version: "v",
});

describe("matchResources", () => {
  it("takes cpus, mem and host ports, honouring requirePorts and acceptedResourceRoles", () => {
    const match = matchResources(
      app({ cmd: "x", portDefinitions: [{ port: 0 }, { port: 0 }] }),
      offer.resources,
    );
    expect(match).toMatchObject({ hostPorts: [31000, 31001] });
    expect(
      matchResources(
        app({ cmd: "x", requirePorts: true, portDefinitions: [{ port: 31004 }] }),
        offer.resources,
      ),
    ).toMatchObject({ hostPorts: [31004] });
    expect(
      matchResources(app({ cmd: "x", requirePorts: true, portDefinitions: [{ port: 80 }] }), offer.resources),
    ).toBe("InsufficientPorts");
    expect(matchResources(app({ cmd: "x", mem: 1024 }), offer.resources)).toBe("InsufficientMemory");
    const onlyPublic = matchResources(
      app({ cmd: "x", acceptedResourceRoles: ["public"], mem: 0, portDefinitions: [] }),
      offer.resources,
    );
    expect(onlyPublic).toMatchObject({ resources: [{ name: "cpus", role: "public" }] });
    expect(matchResources(app({ cmd: "x", acceptedResourceRoles: ["public"] }), offer.resources)).toBe(
      "InsufficientMemory",
    );
  });
});

describe("buildTaskInfo", () => {
  it("builds the command, fetch uris, discovery name and a Mesos health check on the host port", () => {
    const web = app({
      cmd: "serve",
      fetch: [{ uri: "http://x/a.tgz", destPath: "a.tgz" }],
      healthChecks: [{ protocol: "MESOS_HTTP", path: "/health", portIndex: 0, intervalSeconds: 2 }],
      taskKillGracePeriodSeconds: 3,
    });
    const task = buildTaskInfo(web, offer, "g_web.1", [], [31002]);
    expect(task).toMatchObject({
      name: "web.g",
      task_id: { value: "g_web.1" },
      agent_id: { value: "a1" },
      command: {
        shell: true,
        value: "serve",
        uris: [
          { value: "http://x/a.tgz", extract: true, executable: false, cache: false, output_file: "a.tgz" },
        ],
      },
      health_check: {
        type: "HTTP",
        http: { port: 31002, path: "/health", scheme: "http" },
        interval_seconds: 2,
      },
      kill_policy: { grace_period: { nanoseconds: 3e9 } },
      discovery: { name: "web.g", ports: { ports: [{ number: 31002, protocol: "tcp", name: "default" }] } },
    });
    expect(task.command?.environment?.variables).toContainEqual({ name: "PORT0", value: "31002" });
  });

  it("sends maxConsecutiveFailures as consecutive_failures, 0 and the default 3 included", () => {
    const check = (extra: Record<string, unknown>) =>
      buildTaskInfo(
        app({ cmd: "serve", healthChecks: [{ protocol: "MESOS_HTTPS", ...extra }] }),
        offer,
        "g_web.3",
        [],
        [31004],
      ).health_check;
    expect(check({ maxConsecutiveFailures: 0 })).toMatchObject({
      type: "HTTP",
      http: { port: 31004, path: "/", scheme: "https" },
      consecutive_failures: 0,
    });
    expect(check({})?.consecutive_failures).toBe(3);
    expect(check({ maxConsecutiveFailures: 7 })?.consecutive_failures).toBe(7);
  });

  it("passes a Docker container to the agent with bridge port mappings", () => {
    const docker = app({
      args: ["--port", "80"],
      container: {
        type: "DOCKER",
        docker: { image: "nginx", network: "BRIDGE", portMappings: [{ containerPort: 80 }] },
      },
    });
    const task = buildTaskInfo(docker, offer, "g_web.2", [], [31003]);
    expect(task.container).toEqual({
      type: "DOCKER",
      docker: {
        image: "nginx",
        network: "BRIDGE",
        privileged: false,
        force_pull_image: false,
        parameters: [],
        port_mappings: [{ host_port: 31003, container_port: 80, protocol: "tcp" }],
      },
      volumes: [],
    });
    expect(task.command).toMatchObject({ shell: false, arguments: ["--port", "80"] });
    expect(task.command?.value).toBeUndefined();
  });
});

describe("buildTaskInfo on a container network", () => {
  it("names the network, publishes only mappings with a host port and checks the container port", () => {
    const user = app({
      cmd: "x",
      networks: [{ mode: "container", name: "dev" }],
      container: {
        type: "DOCKER",
        docker: { image: "busybox" },
        portMappings: [{ containerPort: 8080 }, { containerPort: 9090, hostPort: 0 }],
      },
      healthChecks: [{ protocol: "MESOS_HTTP", portIndex: 0 }],
    });
    const task = buildTaskInfo(user, offer, "web.1", [], [31002]);
    expect(task.container).toMatchObject({
      type: "DOCKER",
      docker: { network: "USER", port_mappings: [{ host_port: 31002, container_port: 9090 }] },
      network_infos: [{ name: "dev" }],
    });
    expect(task.health_check?.http?.port).toBe(8080);
  });
});
