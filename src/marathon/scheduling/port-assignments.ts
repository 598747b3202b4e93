import type { AppDefinition } from "../model/app-definition.js";

/** One of an app's ports on one task, as Marathon assigns it: the host port (if any) and the container port. */
export interface PortAssignment {
  hostPort?: number;
  containerPort?: number;
}

/**
 * The task's ports in the app's port order. With port mappings (bridge and container networks) one per
 * mapping: the host ports were allocated in order to the mappings that ask for one, and a container port
 * of 0 takes its host port. Otherwise (host networking) the allocated host ports.
 */
export function portAssignments(app: AppDefinition, hostPorts: readonly number[]): PortAssignment[] {
  const mappings = (app.networks[0]?.mode ?? "host") === "host" ? undefined : app.container?.portMappings;
  if (!mappings || mappings.length === 0) return hostPorts.map((hostPort) => ({ hostPort }));
  let next = 0;
  return mappings.map((m) => {
    const hostPort = m.hostPort !== undefined ? hostPorts[next++] : undefined;
    const containerPort = m.containerPort || hostPort;
    return {
      ...(hostPort !== undefined ? { hostPort } : {}),
      ...(containerPort !== undefined ? { containerPort } : {}),
    };
  });
}

/**
 * The port a Mesos-run check probes: the agent enters the task's network, so the container port comes first
 * (Marathon's MESOS_* checks prefer it over the host port).
 */
export const mesosCheckPort = (assignment: PortAssignment | undefined): number =>
  assignment?.containerPort ?? assignment?.hostPort ?? 0;

/**
 * Where Marathon itself probes a task's port: on a container network a port without a host port is reached
 * at the task's own IP and container port; every other port at the agent's host and the host port.
 */
export function marathonCheckTarget(
  app: AppDefinition,
  task: { host: string; ports: readonly number[]; ipAddresses: ReadonlyArray<{ ipAddress: string }> },
  portIndex: number,
): { host: string; port: number } | undefined {
  const assignment = portAssignments(app, task.ports)[portIndex];
  if (assignment?.hostPort !== undefined) return { host: task.host, port: assignment.hostPort };
  const taskIp = task.ipAddresses[0]?.ipAddress;
  if (assignment?.containerPort !== undefined && taskIp)
    return { host: taskIp, port: assignment.containerPort };
  return undefined;
}
