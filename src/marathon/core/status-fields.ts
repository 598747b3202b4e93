import type { TaskStatus } from "../../mesos/task.js";
import type { TaskRecord } from "../state/task-record.js";

const CONDITIONS: Record<string, string> = {
  TASK_STAGING: "Staging",
  TASK_STARTING: "Starting",
  TASK_RUNNING: "Running",
  TASK_KILLING: "Killing",
  TASK_FINISHED: "Finished",
  TASK_FAILED: "Failed",
  TASK_KILLED: "Killed",
  TASK_ERROR: "Error",
  TASK_LOST: "Unreachable",
  TASK_DROPPED: "Dropped",
  TASK_UNREACHABLE: "Unreachable",
  TASK_GONE: "Gone",
  TASK_GONE_BY_OPERATOR: "Gone",
  TASK_UNKNOWN: "Unknown",
};

export const conditionOf = (state: string): string => CONDITIONS[state] ?? "Unknown";

/** The IP addresses a status reports for the task's container. */
export function ipAddressesOf(status: TaskStatus): TaskRecord["ipAddresses"] {
  return (status.container_status?.network_infos ?? []).flatMap((n) =>
    (n.ip_addresses ?? []).flatMap((ip) =>
      ip.ip_address ? [{ ipAddress: ip.ip_address, protocol: ip.protocol ?? "IPv4" }] : [],
    ),
  );
}

/** The instance id of a task (`<safeAppId>.<uuid>` tasks are their own instance). */
export const instanceIdOf = (taskId: string): string => taskId.replace(/\._app(\.\d+)?$/, "");
