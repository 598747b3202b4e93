import type { ContainerInfo, NetworkInfo } from "../../../mesos/task.js";

export type DockerNetwork = "HOST" | "BRIDGE" | "NONE" | "USER";

export interface PortMapping {
  host_port: number;
  container_port: number;
  protocol?: string;
}

export interface DockerParameter {
  key: string;
  value: string;
}

export interface DockerVolume {
  container_path: string;
  host_path?: string;
  mode?: "RW" | "RO";
  source?: { type?: string; docker_volume?: { driver?: string; name?: string } };
}

/** `ContainerInfo` of type DOCKER, read and checked. */
export interface DockerContainerSpec {
  image: string;
  network: DockerNetwork;
  portMappings: PortMapping[];
  privileged: boolean;
  parameters: DockerParameter[];
  forcePullImage: boolean;
  volumes: DockerVolume[];
  hostname?: string;
  /** The one USER network (network_infos[0]) for network USER. */
  userNetwork?: NetworkInfo;
}

/** A task the Docker containerizer refuses to launch; the message goes into TASK_FAILED. */
export class DockerLaunchError extends Error {}

const NETWORKS: readonly DockerNetwork[] = ["HOST", "BRIDGE", "NONE", "USER"];

/** Reads `ContainerInfo.docker` and the container-level fields the Docker containerizer uses. */
export function dockerContainerSpec(container: ContainerInfo): DockerContainerSpec {
  const docker = container.docker as Record<string, unknown> | undefined;
  const image = docker?.image;
  if (typeof image !== "string" || image === "")
    throw new DockerLaunchError("ContainerInfo of type DOCKER needs docker.image");
  const network = (docker?.network ?? "HOST") as DockerNetwork;
  if (!NETWORKS.includes(network)) throw new DockerLaunchError(`Unknown docker network '${String(network)}'`);
  const portMappings = (docker?.port_mappings ?? []) as PortMapping[];
  if (portMappings.length > 0 && network !== "BRIDGE" && network !== "USER")
    throw new DockerLaunchError("Port mappings are only supported for bridge and user-defined networks");
  const hostname = typeof container.hostname === "string" ? container.hostname : undefined;
  if (hostname && network === "HOST") throw new DockerLaunchError("Unable to set hostname with host network");
  const networkInfos = (container.network_infos ?? []) as NetworkInfo[];
  if (network === "USER" && (networkInfos.length !== 1 || !networkInfos[0]?.name))
    throw new DockerLaunchError("A USER network needs exactly one network_infos entry with a name");
  return {
    image,
    network,
    portMappings,
    privileged: docker?.privileged === true,
    parameters: (docker?.parameters ?? []) as DockerParameter[],
    forcePullImage: docker?.force_pull_image === true,
    volumes: (container.volumes ?? []) as DockerVolume[],
    ...(hostname ? { hostname } : {}),
    ...(network === "USER" ? { userNetwork: networkInfos[0] } : {}),
  };
}

export const isDockerTask = (container: ContainerInfo | undefined): boolean => container?.type === "DOCKER";
