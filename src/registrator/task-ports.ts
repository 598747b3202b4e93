import { rangesOf } from "../mesos/resources.js";
import type { Task } from "../mesos/task.js";

/** One port of a task, as registrator saw a container's port. */
export interface TaskPort {
  /** The agent port the task got (what clients outside the task's network reach). */
  hostPort: number;
  /** The port inside the task's network: the container port of a Docker port mapping, else the host port. */
  exposedPort: number;
  protocol: "tcp" | "udp";
  /** The port's name in the task's DiscoveryInfo (Marathon's portDefinitions/portMappings name). */
  name?: string;
}

interface PortMapping {
  host_port?: number;
  container_port?: number;
  protocol?: string;
}

interface DiscoveryPort {
  number?: number;
  name?: string;
  protocol?: string;
}

const mappingsOf = (task: Task): PortMapping[] => {
  const docker = task.container?.docker as { port_mappings?: PortMapping[] } | undefined;
  const network = (task.container as { network_infos?: Array<{ port_mappings?: PortMapping[] }> } | undefined)
    ?.network_infos;
  return [...(docker?.port_mappings ?? []), ...(network ?? []).flatMap((n) => n.port_mappings ?? [])];
};

const discoveryPortsOf = (task: Task): DiscoveryPort[] =>
  ((task.discovery as { ports?: { ports?: DiscoveryPort[] } } | undefined)?.ports?.ports ?? []).filter(
    (p) => typeof p.number === "number",
  );

const protocolOf = (text: string | undefined): "tcp" | "udp" =>
  text?.toLowerCase() === "udp" ? "udp" : "tcp";

/** Every port of a task: its `ports` resources, with the Docker mapping and discovery name of each. */
export function taskPorts(task: Task): TaskPort[] {
  const mappings = mappingsOf(task);
  const discovery = discoveryPortsOf(task);
  const hostPorts: number[] = [];
  for (const range of rangesOf(task.resources ?? [], "ports"))
    for (let port = range.begin; port <= range.end; port++) hostPorts.push(port);
  return hostPorts.map((hostPort, index) => {
    const mapping = mappings.find((m) => m.host_port === hostPort);
    const described = discovery.find((d) => d.number === hostPort) ?? discovery[index];
    const name = described?.name;
    return {
      hostPort,
      exposedPort: mapping?.container_port || hostPort,
      protocol: protocolOf(mapping?.protocol ?? described?.protocol),
      ...(name ? { name } : {}),
    };
  });
}
