import type Docker from "dockerode";
import { DockerLaunchError, type DockerContainerSpec } from "./docker-info.js";
import type { ForwardSpec } from "./port-forwarder.js";

/**
 * The forwards a BRIDGE task on the agent's bridge network needs: each port mapping from
 * `listenIp:<host_port>` in the agent's network namespace to `<container IP on that network>:<container_port>`.
 * None for other networks, when the agent has no bridge network of its own, or when the container no longer
 * runs (an adopted one that ended while the agent was down: its end is reported, nothing is served).
 */
export function bridgeForwards(
  spec: DockerContainerSpec,
  inspect: Docker.ContainerInspectInfo,
  bridgeNetwork: string | undefined,
  listenIp: string,
): ForwardSpec[] {
  if (spec.network !== "BRIDGE" || bridgeNetwork === undefined || spec.portMappings.length === 0) return [];
  if (!inspect.State.Running) return [];
  const targetIp = inspect.NetworkSettings.Networks[bridgeNetwork]?.IPAddress;
  if (!targetIp)
    throw new DockerLaunchError(
      `The container has no address on network '${bridgeNetwork}', so its port mappings cannot be forwarded`,
    );
  return spec.portMappings.map((m) => ({
    protocol: (m.protocol ?? "tcp").toLowerCase() === "udp" ? "udp" : "tcp",
    listenIp,
    listenPort: m.host_port,
    targetIp,
    targetPort: m.container_port,
  }));
}
