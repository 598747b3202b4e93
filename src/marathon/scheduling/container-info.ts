import type { ContainerInfo } from "../../mesos/task.js";
import type { AppDefinition } from "../model/app-definition.js";
import type { PortAssignment } from "./port-assignments.js";

const DOCKER_NETWORK: Record<string, string> = {
  host: "HOST",
  "container/bridge": "BRIDGE",
  container: "USER",
};

/** The app's `container` as a Mesos ContainerInfo (snake_case, as the agent reads it). */
export function containerInfoOf(
  app: AppDefinition,
  ports: readonly PortAssignment[],
): ContainerInfo | undefined {
  const c = app.container;
  if (!c) return undefined;
  const volumes = c.volumes.map((v) => ({
    container_path: v.containerPath,
    ...(v.hostPath !== undefined ? { host_path: v.hostPath } : {}),
    mode: v.mode ?? "RW",
  }));
  const mode = app.networks[0]?.mode ?? "host";
  // Only mappings with a host port are published; the others are reached on the container network itself.
  const portMappings = (mode === "host" ? [] : (c.portMappings ?? [])).flatMap((m, i) => {
    const port = ports[i];
    return port?.hostPort === undefined
      ? []
      : [
          {
            host_port: port.hostPort,
            container_port: port.containerPort ?? port.hostPort,
            protocol: m.protocol,
          },
        ];
  });
  const networkName = app.networks[0]?.name;
  const image = c.docker?.image;
  if (c.type === "DOCKER")
    return {
      type: "DOCKER",
      docker: {
        image,
        network: DOCKER_NETWORK[mode] ?? "HOST",
        privileged: c.docker?.privileged ?? false,
        force_pull_image: c.docker?.forcePullImage ?? false,
        parameters: c.docker?.parameters ?? [],
        ...(portMappings.length > 0 ? { port_mappings: portMappings } : {}),
      },
      ...(mode === "container" ? { network_infos: [networkName ? { name: networkName } : {}] } : {}),
      volumes,
    };
  return {
    type: "MESOS",
    ...(image ? { mesos: { image: { type: "DOCKER", docker: { name: image } } } } : {}),
    volumes,
    ...(mode !== "host"
      ? {
          network_infos: [{ ...(networkName ? { name: networkName } : {}), port_mappings: portMappings }],
        }
      : {}),
  };
}
