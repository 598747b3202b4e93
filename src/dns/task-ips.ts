import { isIP } from "node:net";
import type { DnsTask, DnsTaskStatus } from "./dns-state.js";

export const IP_SOURCES = ["host", "mesos", "docker", "netinfo"] as const;
export type IpSource = (typeof IP_SOURCES)[number];

const MESOS_IP_LABEL = "MesosContainerizer.NetworkSettings.IPAddress";
const DOCKER_IP_LABEL = "Docker.NetworkSettings.IPAddress";

/** The newest TASK_RUNNING status (by timestamp), whose IPs the status-based sources read. */
function newestRunning(statuses: readonly DnsTaskStatus[]): DnsTaskStatus | undefined {
  let newest: DnsTaskStatus | undefined;
  for (const status of statuses)
    if (status.state === "TASK_RUNNING" && (!newest || status.timestamp > newest.timestamp)) newest = status;
  return newest;
}

const labelValues = (status: DnsTaskStatus | undefined, key: string): string[] =>
  (status?.labels ?? []).filter((l) => l.key === key).map((l) => l.value);

function sourceIps(source: string, task: DnsTask, agentIps: readonly string[]): string[] {
  switch (source) {
    case "host":
      return [...agentIps];
    case "netinfo":
      return newestRunning(task.statuses)?.networkIps ?? [];
    case "mesos":
      return labelValues(newestRunning(task.statuses), MESOS_IP_LABEL);
    case "docker":
      return labelValues(newestRunning(task.statuses), DOCKER_IP_LABEL);
    default:
      return [];
  }
}

/** The task's IPs from the first source in `sources` that yields a valid one (Mesos-DNS's IPSources order). */
export function taskIps(task: DnsTask, sources: readonly string[], agentIps: readonly string[]): string[] {
  for (const source of sources) {
    const ips = sourceIps(source, task, agentIps).filter((ip) => isIP(ip) !== 0);
    if (ips.length > 0) return ips;
  }
  return [];
}
