import type Docker from "dockerode";
import type { CommandInfo } from "../../../mesos/command.js";
import type { HealthCheck } from "../../../mesos/health-check.js";
import { HealthChecker, type HealthCheckerOptions } from "../../health-checks/health-checker.js";
import type { ProbeResult } from "../../health-checks/probes.js";
import type { DockerContainerSpec } from "./docker-info.js";

/**
 * Where the agent probes a Docker task's HTTP and TCP checks. Mesos probes them inside the container's
 * network namespace; a task on a bridge or user network is probed at its own IP there (the agent reaches
 * it on the host, and in the Docker runtime shares that network), so the check's port is the container's.
 * A port given as a mapped host port is taken as its container port.
 */
export function containerSideCheck(
  check: HealthCheck,
  spec: DockerContainerSpec,
  containerIp: string | undefined,
): { check: HealthCheck; probeHost?: string } {
  if ((spec.network !== "BRIDGE" && spec.network !== "USER") || !containerIp) return { check };
  const containerPort = (port: number): number =>
    spec.portMappings.some((m) => m.container_port === port)
      ? port
      : (spec.portMappings.find((m) => m.host_port === port)?.container_port ?? port);
  return {
    probeHost: containerIp,
    check: {
      ...check,
      ...(check.http ? { http: { ...check.http, port: containerPort(check.http.port) } } : {}),
      ...(check.tcp ? { tcp: { ...check.tcp, port: containerPort(check.tcp.port) } } : {}),
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
    /** The container's IP on its bridge or user network. */
    containerIp: string | undefined;
  },
): HealthChecker {
  const { spec, container, containerIp, ...rest } = options;
  const checker = new HealthChecker({
    ...rest,
    ...containerSideCheck(options.check, spec, containerIp),
    commandProbe: (command, timeoutMs) => execProbe(container, command, options.env, timeoutMs),
  });
  checker.start();
  return checker;
}
