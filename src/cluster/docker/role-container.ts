import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Socket } from "node:net";
import { CLUSTER_ID_ENV } from "../cluster-id.js";
import { flagsToArgs } from "../runtime/process-runtime.js";
import type { LaunchedRole, RoleLaunch } from "../runtime/runtime.js";
import { engineAccess } from "./engine-access.js";
import { isNotFound, type DockerEngine } from "./engine.js";
import { clusterLabels, containerName, type Labels } from "./labels.js";
import { publishedPorts } from "./role-ports.js";

export interface RoleContainerOptions {
  engine: DockerEngine;
  image: string;
  network: string;
  clusterId: string;
  /** Host address the role's port is published on: 127.0.0.1, or 0.0.0.0 with mapPortsToHost. */
  publishAddress: string;
  extraLabels: Labels;
  /** The resolvers the container uses (the cluster's Mesos-DNS, when it has one). */
  dns?: string[];
}

/**
 * Copies the container's output into the role's log file while this process lives (the socket does not keep
 * it alive); the stream ends when the container stops, which is how `exited()` knows.
 */
async function followLogs(
  engine: DockerEngine,
  id: string,
  logPath: string,
  onEnd: () => void,
): Promise<void> {
  mkdirSync(dirname(logPath), { recursive: true });
  const file = createWriteStream(logPath, { flags: "a" });
  const stream = await engine.getContainer(id).logs({ follow: true, stdout: true, stderr: true });
  (stream as NodeJS.ReadableStream & { socket?: Socket }).socket?.unref();
  engine.modem.demuxStream(stream, file, file);
  stream.once("end", onEnd);
  stream.once("error", onEnd);
}

/**
 * An agent's mounts and variables: its host work_dir at the same path, and the host's engine (so its
 * DOCKER tasks are sibling containers whose sandbox binds name host paths).
 */
function agentAccess(launch: RoleLaunch): { binds: string[]; env: string[] } {
  if (launch.role !== "agent" || launch.flags.work_dir === undefined) return { binds: [], env: [] };
  const workDir = launch.flags.work_dir;
  mkdirSync(workDir, { recursive: true });
  const engine = engineAccess();
  return { binds: [`${workDir}:${workDir}:rw`, ...engine.binds], env: engine.env };
}

/** One role in its own container on the cluster's network, its port published on the host's same port. */
export async function launchRoleContainer(
  launch: RoleLaunch,
  options: RoleContainerOptions,
): Promise<LaunchedRole> {
  const { engine, clusterId, network } = options;
  const ports = publishedPorts(launch);
  const access = agentAccess(launch);
  const container = await engine.createContainer({
    name: containerName(clusterId, launch.name),
    Image: options.image,
    Cmd: ["run", launch.role, ...flagsToArgs(launch.flags)],
    Hostname: launch.name,
    Labels: clusterLabels(clusterId, launch.name, options.extraLabels),
    Env: [`${CLUSTER_ID_ENV}=${clusterId}`, ...access.env],
    ExposedPorts: Object.fromEntries(ports.map((port) => [port, {}])),
    HostConfig: {
      Init: true,
      Binds: access.binds,
      NetworkMode: network,
      ...(options.dns?.length ? { Dns: options.dns } : {}),
      PortBindings: Object.fromEntries(
        ports.map((port) => [
          port,
          [{ HostIp: options.publishAddress, HostPort: port.split("/")[0] as string }],
        ]),
      ),
    },
    NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: [launch.name] } } },
  });
  let exited = false;
  try {
    await container.start();
    await followLogs(engine, container.id, launch.logPath, () => void (exited = true));
  } catch (error) {
    await container.remove({ force: true }).catch(() => undefined);
    throw error;
  }
  const inspected = await container.inspect();
  const advertisedIp = inspected.NetworkSettings.Networks[network]?.IPAddress;
  const remove = async (graceSeconds: number) => {
    try {
      if (graceSeconds > 0)
        await container.stop({ t: graceSeconds }).catch((e: unknown) => {
          if ((e as { statusCode?: number }).statusCode !== 304) throw e;
        });
      await container.remove({ force: true, v: true });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    exited = true;
  };
  return {
    name: launch.name,
    role: launch.role,
    url: launch.url,
    pid: inspected.State.Pid,
    containerId: container.id,
    ...(advertisedIp ? { advertisedIp } : {}),
    logPath: launch.logPath,
    exited: () => exited,
    stop: () => remove(5),
    kill: () => remove(0),
  };
}
