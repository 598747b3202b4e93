import { isAbsolute, join, posix } from "node:path";
import type Docker from "dockerode";
import { rangesOf, scalarOf } from "../../../mesos/resources.js";
import type { TaskInfo } from "../../../mesos/task.js";
import { entrypointAndCmd } from "./command-args.js";
import { DockerLaunchError, type DockerContainerSpec, type DockerVolume } from "./docker-info.js";
import { applyParameters } from "./parameters.js";

/** Where the sandbox appears inside a Docker container (the agent's `--sandbox_directory`). */
export const MAPPED_SANDBOX = "/mnt/mesos/sandbox";
/** Mesos never gives a Docker container less memory than this. */
const MIN_MEMORY_BYTES = 32 * 1024 * 1024;

/** `mesos-<containerId>`, the name Mesos gives a task's container. */
export const containerName = (containerId: string): string => `mesos-${containerId}`;

export interface DockerLaunchContext {
  task: TaskInfo;
  spec: DockerContainerSpec;
  containerId: string;
  /** Host path of the sandbox. */
  sandbox: string;
  /** The agent's IP: bridge port mappings are published there. */
  agentIp: string;
  /** The full environment (MESOS_* and the task's variables). */
  env: Record<string, string>;
  labels: Record<string, string>;
  /**
   * The networks used for HOST and BRIDGE instead of Docker's own (`--docker_host_network`,
   * `--docker_bridge_network`); on a bridge network of the agent's, port mappings are exposed, not published.
   */
  networks?: { host?: string | undefined; bridge?: string | undefined };
  /** Told what was left out of the container's settings, and why. */
  warn?: (message: string) => void;
}

/** The Engine API's create-container body for a task: what `docker run` gets from Mesos's flags. */
export function createOptions(ctx: DockerLaunchContext): Docker.ContainerCreateOptions {
  const { spec, task } = ctx;
  const cpus = scalarOf(task.resources ?? [], "cpus");
  const mem = scalarOf(task.resources ?? [], "mem");
  const options: Docker.ContainerCreateOptions = {
    name: containerName(ctx.containerId),
    Image: spec.image,
    ...entrypointAndCmd(task.command),
    Env: Object.entries(ctx.env).map(([name, value]) => `${name}=${value}`),
    Labels: { ...ctx.labels },
    ...(spec.hostname ? { Hostname: spec.hostname } : {}),
    HostConfig: {
      NetworkMode: networkMode(spec, ctx.networks),
      Privileged: spec.privileged,
      Binds: [`${ctx.sandbox}:${MAPPED_SANDBOX}:rw`, ...spec.volumes.map((v) => bind(v, ctx.sandbox))],
      ...(cpus > 0 ? { CpuShares: Math.round(cpus * 1024) } : {}),
      ...(mem > 0 ? { Memory: Math.max(Math.round(mem * 1024 * 1024), MIN_MEMORY_BYTES) } : {}),
    },
  };
  addPortMappings(options, ctx);
  applyParameters(spec.parameters, options);
  dropSharedNetworkSettings(options, ctx.warn);
  return options;
}

/**
 * A container that joins another's network namespace (`container:<name>`, HOST tasks of an agent in a
 * container) takes that container's hostname, DNS, hosts file and ports; the engine refuses these settings
 * for it, so they are left out (with a warning) rather than failing the task.
 */
function dropSharedNetworkSettings(
  options: Docker.ContainerCreateOptions,
  warn?: (message: string) => void,
): void {
  const host = options.HostConfig ?? {};
  if (!host.NetworkMode?.startsWith("container:")) return;
  const dropped: string[] = [];
  const drop = (owner: Record<string, unknown>, key: string, name: string) => {
    if (owner[key] === undefined) return;
    delete owner[key];
    dropped.push(name);
  };
  drop(options as Record<string, unknown>, "Hostname", "hostname");
  drop(options as Record<string, unknown>, "MacAddress", "mac-address");
  drop(options as Record<string, unknown>, "ExposedPorts", "exposed ports");
  for (const [key, name] of [
    ["Dns", "dns"],
    ["DnsSearch", "dns-search"],
    ["DnsOptions", "dns-option"],
    ["ExtraHosts", "add-host"],
    ["PortBindings", "port mappings"],
    ["PublishAllPorts", "publish-all"],
  ] as const)
    drop(host as Record<string, unknown>, key, name);
  if (dropped.length > 0)
    warn?.(
      `The task shares the network of ${host.NetworkMode.slice("container:".length)}, so its ${dropped.join(", ")} ` +
        "settings were left out (they come from that container)",
    );
}

function networkMode(spec: DockerContainerSpec, networks: DockerLaunchContext["networks"]): string {
  if (spec.network === "USER") return spec.userNetwork?.name ?? "";
  if (spec.network === "HOST" && networks?.host) return networks.host;
  if (spec.network === "BRIDGE" && networks?.bridge) return networks.bridge;
  return spec.network.toLowerCase();
}

/** `host:container:rw|ro`; a relative container path lands in the mapped sandbox, a relative host path in the host one. */
function bind(volume: DockerVolume, sandbox: string): string {
  const mode = volume.mode === "RO" ? "ro" : "rw";
  const target = posix.isAbsolute(volume.container_path)
    ? volume.container_path
    : posix.join(MAPPED_SANDBOX, volume.container_path);
  const named = volume.source?.docker_volume?.name;
  if (volume.source?.type === "DOCKER_VOLUME" && named) return `${named}:${target}:${mode}`;
  if (!volume.host_path)
    throw new DockerLaunchError(`Volume ${volume.container_path} has no host_path or source`);
  const source = isAbsolute(volume.host_path) ? volume.host_path : join(sandbox, volume.host_path);
  return `${source}:${target}:${mode}`;
}

/**
 * `-p agentIp:host:container/proto` for each mapping; every host port must be one the task was given. On
 * the agent's own bridge network the ports are only exposed: the agent forwards them itself.
 */
function addPortMappings(options: Docker.ContainerCreateOptions, ctx: DockerLaunchContext): void {
  const mappings = ctx.spec.portMappings;
  if (mappings.length === 0) return;
  const granted = rangesOf(ctx.task.resources ?? [], "ports");
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const m of mappings) {
    if (!granted.some((r) => m.host_port >= r.begin && m.host_port <= r.end))
      throw new DockerLaunchError(
        `Port mapping with host port ${m.host_port} is not in the task's ports resource`,
      );
    const key = `${m.container_port}/${(m.protocol ?? "tcp").toLowerCase()}`;
    exposed[key] = {};
    bindings[key] = [...(bindings[key] ?? []), { HostIp: ctx.agentIp, HostPort: String(m.host_port) }];
  }
  options.ExposedPorts = exposed;
  if (ctx.spec.network === "BRIDGE" && ctx.networks?.bridge) return;
  options.HostConfig = { ...options.HostConfig, PortBindings: bindings };
}
