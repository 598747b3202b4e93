import { summarizeResources } from "../../mesos/resource-text.js";
import type { Task } from "../../mesos/task.js";

/** A task as the legacy JSON endpoints show it. */
export function legacyTask(task: Task): Record<string, unknown> {
  const role = task.resources.find((r) => r.allocation_info)?.allocation_info?.role;
  const out: Record<string, unknown> = {
    id: task.task_id.value,
    name: task.name,
    framework_id: task.framework_id.value,
    executor_id: task.executor_id?.value ?? "",
    slave_id: task.agent_id.value,
    state: task.state,
    resources: summarizeResources(task.resources),
  };
  if (task.limits) out.limits = task.limits;
  if (role !== undefined) out.role = role;
  out.statuses = task.statuses.map((s) => {
    const status: Record<string, unknown> = { state: s.state, timestamp: s.timestamp ?? 0 };
    if (s.labels) status.labels = s.labels.labels;
    if (s.container_status) status.container_status = s.container_status;
    if (s.healthy !== undefined) status.healthy = s.healthy;
    return status;
  });
  if (task.user) out.user = task.user;
  if (task.labels) out.labels = task.labels.labels;
  if (task.discovery) out.discovery = task.discovery;
  if (task.container) out.container = task.container;
  if (task.health_check) out.health_check = task.health_check;
  return out;
}
