import type Docker from "dockerode";
import type { NetworkInfo, TaskInfo } from "../../../mesos/task.js";
import { withCommandEnvironment } from "../../environment.js";
import { containerName, MAPPED_SANDBOX } from "./create-options.js";
import type { DockerContainerSpec } from "./docker-info.js";

/**
 * Where the task can be reached from the host, for `container_status.network_infos`: `agentIp` for HOST
 * and BRIDGE (the IP its port mappings are published or forwarded on, while a container's bridge IP may not
 * be routable from the host, e.g. Docker Desktop), the container's IP on a USER network.
 */
export function reachableNetworkInfos(
  spec: DockerContainerSpec,
  inspect: Docker.ContainerInspectInfo,
  agentIp: string,
): NetworkInfo[] {
  if (spec.network === "NONE") return [];
  if (spec.network === "USER") {
    const name = spec.userNetwork?.name ?? "";
    const ip = inspect.NetworkSettings.Networks[name]?.IPAddress;
    return [{ ...spec.userNetwork, ip_addresses: ip ? [{ protocol: "IPv4", ip_address: ip }] : [] }];
  }
  return [{ ip_addresses: [{ protocol: "IPv4", ip_address: agentIp }] }];
}

/**
 * A Docker task's environment: the executor's MESOS_* variables (never the agent's own environment, and
 * without the host-only MESOS_DIRECTORY), MESOS_SANDBOX as mapped, MESOS_CONTAINER_NAME and
 * MESOS_TASK_ID, then the task's `command.environment`.
 */
export function containerEnvironment(
  executorEnv: Record<string, string>,
  containerId: string,
  task: TaskInfo,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(executorEnv))
    if (name.startsWith("MESOS_") && name !== "MESOS_DIRECTORY") env[name] = value;
  Object.assign(env, {
    MESOS_SANDBOX: MAPPED_SANDBOX,
    MESOS_CONTAINER_NAME: containerName(containerId),
    MESOS_TASK_ID: task.task_id.value,
  });
  return withCommandEnvironment(env, task.command);
}
