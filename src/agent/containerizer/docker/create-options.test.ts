import { describe, expect, it } from "vitest";
import type { TaskInfo } from "../../../mesos/task.js";
import { entrypointAndCmd } from "./command-args.js";
import { createOptions, type DockerLaunchContext } from "./create-options.js";
import { dockerContainerSpec, DockerLaunchError } from "./docker-info.js";

const task = (container: Record<string, unknown>, extra: Partial<TaskInfo> = {}): TaskInfo => ({
  name: "t",
  task_id: { value: "t1" },
  agent_id: { value: "a1" },
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: 0.5 } },
    { name: "mem", type: "SCALAR", scalar: { value: 64 } },
    { name: "ports", type: "RANGES", ranges: { range: [{ begin: 31000, end: 31001 }] } },
  ],
  command: { value: "echo hi" },
  container: { type: "DOCKER", ...container },
  ...extra,
});

const options = (info: TaskInfo, networks?: DockerLaunchContext["networks"]) =>
  createOptions({
    ...(networks ? { networks } : {}),
    task: info,
    spec: dockerContainerSpec(info.container ?? {}),
    containerId: "c-1",
    sandbox: "/work/sb",
    agentIp: "127.0.0.1",
    env: { MESOS_SANDBOX: "/mnt/mesos/sandbox", A: "b=c" },
    labels: { "minimesos.task_id": "t1" },
  } satisfies DockerLaunchContext);

describe("the Docker command line Mesos builds, as Engine API fields", () => {
  it("runs shell commands through /bin/sh -c, argv commands after the image entrypoint, else the image CMD", () => {
    expect(entrypointAndCmd({ value: "sleep 1 && echo x" })).toEqual({
      Entrypoint: ["/bin/sh"],
      Cmd: ["-c", "sleep 1 && echo x"],
    });
    expect(entrypointAndCmd({ shell: false, value: "nginx", arguments: ["-g", "daemon off;"] })).toEqual({
      Cmd: ["nginx", "-g", "daemon off;"],
    });
    expect(entrypointAndCmd({ shell: false, arguments: ["--port", "80"] })).toEqual({
      Cmd: ["--port", "80"],
    });
    expect(entrypointAndCmd({ shell: false })).toEqual({});
    expect(entrypointAndCmd(undefined)).toEqual({});
  });

  it("names, labels and sizes the container and mounts the sandbox", () => {
    const o = options(task({ docker: { image: "alpine" } }));
    expect(o.name).toBe("mesos-c-1");
    expect(o.Image).toBe("alpine");
    expect(o.Env).toEqual(["MESOS_SANDBOX=/mnt/mesos/sandbox", "A=b=c"]);
    expect(o.Labels).toEqual({ "minimesos.task_id": "t1" });
    expect(o.HostConfig?.NetworkMode).toBe("host");
    expect(o.HostConfig?.CpuShares).toBe(512);
    expect(o.HostConfig?.Memory).toBe(64 * 1024 * 1024);
    expect(o.HostConfig?.Binds).toEqual(["/work/sb:/mnt/mesos/sandbox:rw"]);
  });

  it("maps volumes: absolute, sandbox-relative on both sides, read-only, named Docker volumes", () => {
    const o = options(
      task({
        docker: { image: "alpine" },
        volumes: [
          { container_path: "/data", host_path: "/srv/data", mode: "RO" },
          { container_path: "cache", host_path: "cache-dir", mode: "RW" },
          {
            container_path: "/v",
            mode: "RW",
            source: { type: "DOCKER_VOLUME", docker_volume: { name: "vol1" } },
          },
        ],
      }),
    );
    expect(o.HostConfig?.Binds).toEqual([
      "/work/sb:/mnt/mesos/sandbox:rw",
      "/srv/data:/data:ro",
      "/work/sb/cache-dir:/mnt/mesos/sandbox/cache:rw",
      "vol1:/v:rw",
    ]);
  });

  it("publishes BRIDGE port mappings on the agent's IP, only for ports the task holds", () => {
    const o = options(
      task({
        docker: {
          image: "alpine",
          network: "BRIDGE",
          port_mappings: [{ host_port: 31001, container_port: 80 }],
        },
      }),
    );
    expect(o.HostConfig?.NetworkMode).toBe("bridge");
    expect(o.ExposedPorts).toEqual({ "80/tcp": {} });
    expect(o.HostConfig?.PortBindings).toEqual({ "80/tcp": [{ HostIp: "127.0.0.1", HostPort: "31001" }] });
    expect(() =>
      options(
        task({
          docker: {
            image: "a",
            network: "BRIDGE",
            port_mappings: [{ host_port: 32000, container_port: 80 }],
          },
        }),
      ),
    ).toThrow(/host port 32000 is not in the task's ports resource/);
    expect(() =>
      options(task({ docker: { image: "a", port_mappings: [{ host_port: 31000, container_port: 80 }] } })),
    ).toThrow(DockerLaunchError);
  });

  it("puts HOST and BRIDGE tasks on the agent's networks when it has them, exposing BRIDGE ports only", () => {
    const networks = { host: "container:minimesos-1-agent-1", bridge: "minimesos-1" };
    const host = options(task({ docker: { image: "a" } }), networks);
    expect(host.HostConfig?.NetworkMode).toBe("container:minimesos-1-agent-1");
    const bridge = options(
      task({
        docker: { image: "a", network: "BRIDGE", port_mappings: [{ host_port: 31001, container_port: 80 }] },
      }),
      networks,
    );
    expect(bridge.HostConfig?.NetworkMode).toBe("minimesos-1");
    expect(bridge.ExposedPorts).toEqual({ "80/tcp": {} });
    expect(bridge.HostConfig?.PortBindings).toBeUndefined();
    const user = options(
      task({
        docker: { image: "a", network: "USER", port_mappings: [{ host_port: 31001, container_port: 80 }] },
        network_infos: [{ name: "my-net" }],
      }),
      networks,
    );
    expect(user.HostConfig?.NetworkMode).toBe("my-net");
    expect(user.HostConfig?.PortBindings).toEqual({ "80/tcp": [{ HostIp: "127.0.0.1", HostPort: "31001" }] });
  });

  it("uses the named network for USER and refuses a hostname on HOST", () => {
    const o = options(task({ docker: { image: "a", network: "USER" }, network_infos: [{ name: "my-net" }] }));
    expect(o.HostConfig?.NetworkMode).toBe("my-net");
    expect(() => options(task({ docker: { image: "a", network: "USER" } }))).toThrow(/exactly one/);
    expect(() => options(task({ docker: { image: "a" }, hostname: "web" }))).toThrow(
      /hostname with host network/,
    );
  });

  it("applies supported parameters and refuses others clearly", () => {
    const o = options(
      task({
        docker: {
          image: "a",
          privileged: true,
          parameters: [
            { key: "env", value: "X=1" },
            { key: "label", value: "team=core" },
            { key: "net", value: "none" },
            { key: "cap-add", value: "NET_ADMIN" },
            { key: "ulimit", value: "nofile=1024:2048" },
            { key: "shm-size", value: "64m" },
          ],
        },
      }),
    );
    expect(o.HostConfig?.Privileged).toBe(true);
    expect(o.Env).toContain("X=1");
    expect(o.Labels?.team).toBe("core");
    expect(o.HostConfig?.NetworkMode).toBe("none");
    expect(o.HostConfig?.CapAdd).toEqual(["NET_ADMIN"]);
    expect(o.HostConfig?.Ulimits).toEqual([{ Name: "nofile", Soft: 1024, Hard: 2048 }]);
    expect(o.HostConfig?.ShmSize).toBe(64 * 1024 * 1024);
    expect(() =>
      options(task({ docker: { image: "a", parameters: [{ key: "gpus", value: "all" }] } })),
    ).toThrow(/Unsupported docker parameter 'gpus'/);
  });

  it("requires an image", () => {
    expect(() => dockerContainerSpec({ type: "DOCKER", docker: {} })).toThrow(/docker.image/);
  });
});

describe("a HOST task that shares an agent container's network", () => {
  it("leaves out what the engine refuses in container network mode, and says so", () => {
    const warnings: string[] = [];
    const info = task({
      docker: {
        image: "busybox",
        network: "HOST",
        parameters: [
          { key: "add-host", value: "db:10.0.0.5" },
          { key: "dns", value: "10.0.0.53" },
          { key: "hostname", value: "web" },
          { key: "env", value: "KEPT=1" },
        ],
      },
    });
    const created = createOptions({
      networks: { host: "container:minimesos-1-agent-1" },
      task: info,
      spec: dockerContainerSpec(info.container ?? {}),
      containerId: "c-1",
      sandbox: "/work/sb",
      agentIp: "127.0.0.1",
      env: {},
      labels: {},
      warn: (message) => warnings.push(message),
    });
    expect(created.HostConfig?.NetworkMode).toBe("container:minimesos-1-agent-1");
    expect(created.Hostname).toBeUndefined();
    expect(created.HostConfig?.ExtraHosts).toBeUndefined();
    expect(created.HostConfig?.Dns).toBeUndefined();
    expect(created.Env).toContain("KEPT=1");
    expect(warnings).toEqual([expect.stringMatching(/minimesos-1-agent-1.*hostname.*dns.*add-host/)]);
  });

  it("keeps those settings on the host network", () => {
    const info = task({
      docker: { image: "busybox", network: "HOST", parameters: [{ key: "dns", value: "1.1.1.1" }] },
    });
    expect(options(info).HostConfig?.Dns).toEqual(["1.1.1.1"]);
  });
});
