import type { TaskStatus } from "../../mesos/task.js";
import type { HealthCheckerOptions } from "./health-checker.js";

/**
 * What a task's runner does with health results, as Mesos's executors do: each reported result becomes a
 * TASK_RUNNING update with `healthy`, and too many failures kill the task (`killedByHealthCheck` first,
 * so its TASK_KILLED says `healthy: false`).
 */
export function healthUpdates(
  send: (status: Pick<TaskStatus, "state" | "healthy" | "reason" | "message">) => void,
  killedByHealthCheck: () => void,
): Pick<HealthCheckerOptions, "onStatus" | "onKill"> {
  return {
    onStatus: (healthy, message) =>
      send({
        state: "TASK_RUNNING",
        healthy,
        reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED",
        ...(message ? { message } : {}),
      }),
    onKill: () => killedByHealthCheck(),
  };
}
