import type Docker from "dockerode";
import type { CommandInfo } from "../../../mesos/command.js";
import type { HealthCheck } from "../../../mesos/health-check.js";
import { HealthChecker, type HealthCheckerOptions } from "../../health-checks/health-checker.js";
import type { ProbeResult } from "../../health-checks/probes.js";
import type { DockerContainerSpec } from "./docker-info.js";

/**
 * The check as the agent can run it from the host: Mesos probes HTTP and TCP ports inside the container's
 * network namespace, so on a bridge or user network a mapped container port is probed at its host port.
 */
export function hostSideCheck(check: HealthCheck, spec: DockerContainerSpec): HealthCheck {
  if (spec.network !== "BRIDGE" && spec.network !== "USER") return check;
  const hostPort = (port: number): number =>
    spec.portMappings.find((m) => m.container_port === port)?.host_port ?? port;
  return {
    ...check,
    ...(check.http ? { http: { ...check.http, port: hostPort(check.http.port) } } : {}),
    ...(check.tcp ? { tcp: { ...check.tcp, port: hostPort(check.tcp.port) } } : {}),
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

/** Starts Mesos-style health checks of a Docker task: HTTP and TCP from the host, COMMAND inside the container. */
export function dockerHealthChecker(
  options: Omit<HealthCheckerOptions, "commandProbe"> & {
    spec: DockerContainerSpec;
    container: Docker.Container;
  },
): HealthChecker {
  const { spec, container, ...rest } = options;
  const checker = new HealthChecker({
    ...rest,
    check: hostSideCheck(options.check, spec),
    commandProbe: (command, timeoutMs) => execProbe(container, command, options.env, timeoutMs),
  });
  checker.start();
  return checker;
}
