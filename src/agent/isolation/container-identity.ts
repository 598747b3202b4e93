import { scalarOf } from "../../mesos/resources.js";
import type { TaskInfo } from "../../mesos/task.js";
import type { ExecutorRecord } from "../book.js";
import type { LaunchRequest } from "../containerizer/containerizer.js";

/**
 * Who a container runs as and what it may use: CommandInfo.user, else FrameworkInfo.user; the
 * executor's resources plus the task's (a command task's container holds both, as in Mesos).
 */
export function containerIdentity(
  executor: ExecutorRecord,
  task?: TaskInfo,
): Pick<LaunchRequest, "user" | "limits"> {
  const user = task?.command?.user ?? executor.info.command?.user ?? executor.framework.info.user;
  const resources = [...(executor.info.resources ?? []), ...(task?.resources ?? [])];
  const cpus = scalarOf(resources, "cpus");
  const mem = scalarOf(resources, "mem");
  return {
    ...(user ? { user } : {}),
    limits: { ...(cpus > 0 ? { cpus } : {}), ...(mem > 0 ? { memMb: mem } : {}) },
  };
}
