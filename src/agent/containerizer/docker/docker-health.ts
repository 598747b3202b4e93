import type Docker from "dockerode";
import type { CommandInfo } from "../../../mesos/command.js";
import type { HealthCheck } from "../../../mesos/health-check.js";
import { HealthChecker, type HealthCheckerOptions } from "../../health-checks/health-checker.js";
import type { ProbeResult } from "../../health-checks/probes.js";
import type { DockerContainerSpec } from "./docker-info.js";

/** Where the agent stands relative to a BRIDGE or USER task's network. */
export interface CheckReach {
  /** The container's IP on its bridge or user network. */
  containerIp: string | undefined;
  /** The agent is on that network too (the Docker runtime), so it reaches the container IP. */
  sharesNetwork: boolean;
  /** Where the engine publishes the task's port mappings. */
  publishIp: string;
}

/**
 * Where the agent probes a Docker task's HTTP and TCP checks. Mesos probes them inside the container's
 * network, at the container port: an agent on the task's network does the same at the container's IP; an
 * agent on the host probes a mapped port where the engine publishes it (container IPs are not routable from
 * every host, e.g. rootless Docker), and an unmapped one at the container's IP. A check that names a mapped
 * host port means the same port.
 */
export function dockerCheckTarget(
  check: HealthCheck,
  spec: DockerContainerSpec,
  reach: CheckReach,
): { check: HealthCheck; probeHost?: string } {
  if (spec.network !== "BRIDGE" && spec.network !== "USER") return { check };
  const mapping = (port: number) =>
    spec.portMappings.find((m) => m.container_port === port) ??
    spec.portMappings.find((m) => m.host_port === port);
  const target = (port: number): { host?: string; port: number } => {
    const mapped = mapping(port);
    if (mapped && !reach.sharesNetwork) return { host: reach.publishIp, port: mapped.host_port };
    return { host: reach.containerIp, port: mapped?.container_port ?? port };
  };
  const probed = check.http ? target(check.http.port) : check.tcp ? target(check.tcp.port) : undefined;
  if (!probed?.host) return { check };
  return {
    probeHost: probed.host,
    check: {
      ...check,
      ...(check.http ? { http: { ...check.http, port: probed.port } } : {}),
      ...(check.tcp ? { tcp: { ...check.tcp, port: probed.port } } : {}),
    },
  };
}

/** A COMMAND check run inside the container (`docker exec` through the Engine API): exit 0 is healthy. */
export async function execProbe(
  container: Docker.Container,
  command: CommandInfo,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ProbeResult> {
  const cmd =
    command.shell === false
      ? [command.value ?? "", ...(command.arguments ?? []).slice(1)]
      : ["/bin/sh", "-c", command.value ?? ""];
  const deadline = Date.now() + timeoutMs;
  try {
    const exec = await container.exec({
      Cmd: cmd,
      Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
      AttachStdout: false,
      AttachStderr: false,
    });
    await exec.start({ Detach: true });
    for (;;) {
      const state = await exec.inspect();
      if (!state.Running && state.ExitCode !== null)
        return state.ExitCode === 0
          ? { healthy: true, message: "" }
          : { healthy: false, message: `Command returned: exited with status ${state.ExitCode}` };
      if (Date.now() > deadline)
        return { healthy: false, message: `Command timed out after ${timeoutMs / 1000}s` };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    return { healthy: false, message: (error as Error).message };
  }
}

/** Starts Mesos-style health checks of a Docker task: HTTP and TCP at its address, COMMAND inside the container. */
export function dockerHealthChecker(
  options: Omit<HealthCheckerOptions, "commandProbe" | "probeHost"> & {
    spec: DockerContainerSpec;
    container: Docker.Container;
    reach: CheckReach;
  },
): HealthChecker {
  const { spec, container, reach, ...rest } = options;
  const checker = new HealthChecker({
    ...rest,
    ...dockerCheckTarget(options.check, spec, reach),
    commandProbe: (command, timeoutMs) => execProbe(container, command, options.env, timeoutMs),
  });
  checker.start();
  return checker;
}
