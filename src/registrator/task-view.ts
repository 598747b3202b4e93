import type { OperatorAgent } from "../mesos/operator-events.js";
import type { Task, TaskStatus } from "../mesos/task.js";
import type { InspectedContainer } from "./docker-inspect.js";
import type { TaskView } from "./service-registration.js";
import { taskPorts } from "./task-ports.js";

/** The agent's IP from its PID (`slave(1)@10.0.0.2:5051`), else its hostname. */
export function agentIp(agent: OperatorAgent | undefined): string | undefined {
  const fromPid = agent?.pid ? /@([^:]+):\d+$/.exec(agent.pid)?.[1] : undefined;
  return fromPid ?? agent?.agent_info.hostname;
}

/** The newest TASK_RUNNING status of a task. */
export const runningStatus = (task: Task): TaskStatus | undefined =>
  [...task.statuses].reverse().find((s) => s.state === "TASK_RUNNING");

/** The task's own IP: the first address in its newest RUNNING status's network infos. */
function taskIpOf(status: TaskStatus | undefined): string | undefined {
  for (const info of status?.container_status?.network_infos ?? [])
    for (const address of info.ip_addresses ?? []) if (address.ip_address) return address.ip_address;
  return undefined;
}

const labelsOf = (task: Task): Record<string, string> =>
  Object.fromEntries((task.labels?.labels ?? []).map((l) => [l.key, l.value ?? ""]));

/**
 * A running task as registrator sees a container, or undefined when it is not running or its agent's
 * address is unknown. `environment` gives a process task's environment (from its process, when it can be
 * read); a DOCKER task's comes from its inspected `container`.
 */
export function taskViewOf(
  task: Task,
  agent: OperatorAgent | undefined,
  environment: (pid: number | undefined) => Record<string, string>,
  container?: InspectedContainer,
): TaskView | undefined {
  if (task.state !== "TASK_RUNNING") return undefined;
  const status = runningStatus(task);
  const hostIp = agentIp(agent);
  if (!hostIp) return undefined;
  const discoveryName = (task.discovery as { name?: string } | undefined)?.name;
  // A DOCKER task: its container's environment, labels and own IP, as registrator reads them from Docker.
  const processEnv = container ? {} : environment(status?.container_status?.executor_pid);
  return {
    taskId: task.task_id.value,
    name: discoveryName || task.name,
    ports: taskPorts(task),
    hostIp,
    taskIp: container?.ip ?? taskIpOf(status) ?? hostIp,
    metadata: [processEnv, container?.env ?? {}, container?.labels ?? {}, labelsOf(task)],
  };
}
