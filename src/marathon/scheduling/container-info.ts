import type { ContainerInfo } from "../../mesos/task.js";
import type { AppDefinition } from "../model/app-definition.js";

const DOCKER_NETWORK: Record<string, string> = {
  host: "HOST",
  "container/bridge": "BRIDGE",
  container: "USER",
};

/** The app's `container` as a Mesos ContainerInfo (snake_case, as the agent reads it). */
export function containerInfoOf(app: AppDefinition, hostPorts: readonly number[]): ContainerInfo | undefined {
  const c = app.container;
  if (!c) return undefined;
  const volumes = c.volumes.map((v) => ({
    container_path: v.containerPath,
    ...(v.hostPath !== undefined ? { host_path: v.hostPath } : {}),
    mode: v.mode ?? "RW",
  }));
  const mode = app.networks[0]?.mode ?? "host";
  const withHost = (c.portMappings ?? []).filter((m) => m.hostPort !== undefined);
  const portMappings = withHost.map((m, i) => ({
    host_port: hostPorts[i] ?? 0,
    container_port: m.containerPort || (hostPorts[i] ?? 0),
    protocol: m.protocol,
  }));
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
      volumes,
    };
  return {
    type: "MESOS",
    ...(image ? { mesos: { image: { type: "DOCKER", docker: { name: image } } } } : {}),
    volumes,
    ...(mode !== "host"
      ? {
          network_infos: [
            { ...(app.networks[0]?.name ? { name: app.networks[0].name } : {}), port_mappings: portMappings },
          ],
        }
      : {}),
  };
}
