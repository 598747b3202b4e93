import type { ID } from "../mesos/ids.js";
import { addResources } from "../mesos/resources.js";
import type { Resource } from "../mesos/resource.js";
import type { ExecutorInfo, TaskInfo } from "../mesos/task.js";

export const DEFAULT_LAUNCHER_DIR = "/usr/libexec/mesos";

/** The overhead Mesos charges a command executor on top of its task: 0.1 cpus and 32 MB. */
const OVERHEAD = { cpus: 0.1, mem: 32 };

/** The ExecutorInfo the agent builds for a task that comes without one, as Mesos's getExecutorInfo does. */
export function commandExecutorInfo(
  task: TaskInfo,
  frameworkId: ID,
  launcherDir = DEFAULT_LAUNCHER_DIR,
): ExecutorInfo & { framework_id: ID } {
  const taskResources = task.resources ?? [];
  const template = taskResources.find((r) => r.name === "cpus" || r.name === "mem") ?? taskResources[0];
  const overhead = (name: "cpus" | "mem"): Resource => ({
    name,
    type: "SCALAR",
    scalar: { value: OVERHEAD[name] },
    ...(template?.role !== undefined ? { role: template.role } : { role: "*" }),
    ...(template?.reservations ? { reservations: template.reservations } : {}),
    ...(template?.allocation_info ? { allocation_info: template.allocation_info } : {}),
  });
  return {
    executor_id: { value: task.task_id.value },
    framework_id: frameworkId,
    name: `Command Executor (Task: ${task.task_id.value}) (Command: ${commandSummary(task)})`,
    source: task.task_id.value,
    command: {
      shell: false,
      value: `${launcherDir}/mesos-executor`,
      arguments: ["mesos-executor", `--launcher_dir=${launcherDir}`],
    },
    resources: addResources([overhead("cpus"), overhead("mem")]),
    ...(task.labels ? { labels: task.labels } : {}),
    ...(task.discovery ? { discovery: task.discovery } : {}),
  };
}

function commandSummary(task: TaskInfo): string {
  const command = task.command;
  if (!command?.value) return "NO EXECUTABLE";
  if (command.shell !== false) {
    const value = command.value;
    return `sh -c '${value.length > 15 ? `${value.slice(0, 12)}...` : value}'`;
  }
  return `[${[command.value, ...(command.arguments ?? []).slice(1)].join(", ")}]`;
}
