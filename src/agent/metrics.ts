import { cpus, freemem, loadavg, totalmem } from "node:os";
import type { Resource } from "../mesos/resource.js";
import { scalarOf } from "../mesos/resources.js";
import { executorResources, type AgentBook } from "./book.js";

/** Counters the agent bumps as things happen; gauges are computed from its state. */
export class AgentCounters {
  tasksFinished = 0;
  tasksFailed = 0;
  tasksKilled = 0;
  tasksLost = 0;
  executorsTerminated = 0;
  validStatusUpdates = 0;
  invalidStatusUpdates = 0;
  validFrameworkMessages = 0;
  invalidFrameworkMessages = 0;
  containerLaunchErrors = 0;

  countTerminal(state: string): void {
    if (state === "TASK_FINISHED") this.tasksFinished++;
    else if (state === "TASK_FAILED") this.tasksFailed++;
    else if (state === "TASK_KILLED") this.tasksKilled++;
    else if (state === "TASK_LOST") this.tasksLost++;
  }
}

export interface MetricsSource {
  book: AgentBook;
  counters: AgentCounters;
  total: Resource[];
  registered: () => boolean;
  startTime: number;
}

/** `/metrics/snapshot` for an agent: the slave/* and system/* keys monitoring tools read. */
export function agentMetricsSnapshot(source: MetricsSource): Record<string, number> {
  const { book, counters } = source;
  const executors = [...book.allExecutors()];
  const used = executors.flatMap(executorResources);
  const tasksByState = new Map<string, number>();
  for (const executor of executors)
    for (const task of executor.tasks.values())
      tasksByState.set(task.state, (tasksByState.get(task.state) ?? 0) + 1);
  const queued = executors.reduce((n, e) => n + e.queued.size, 0);
  const out: Record<string, number> = {
    "slave/registered": source.registered() ? 1 : 0,
    "slave/uptime_secs": Date.now() / 1000 - source.startTime,
  };
  for (const name of ["cpus", "mem", "disk", "gpus"]) {
    const total = scalarOf(source.total, name);
    const usedAmount = scalarOf(used, name);
    out[`slave/${name}_total`] = total;
    out[`slave/${name}_used`] = usedAmount;
    out[`slave/${name}_percent`] = total > 0 ? usedAmount / total : 0;
  }
  Object.assign(out, {
    "slave/tasks_staging": (tasksByState.get("TASK_STAGING") ?? 0) + queued,
    "slave/tasks_starting": tasksByState.get("TASK_STARTING") ?? 0,
    "slave/tasks_running": tasksByState.get("TASK_RUNNING") ?? 0,
    "slave/tasks_killing": tasksByState.get("TASK_KILLING") ?? 0,
    "slave/tasks_finished": counters.tasksFinished,
    "slave/tasks_failed": counters.tasksFailed,
    "slave/tasks_killed": counters.tasksKilled,
    "slave/tasks_lost": counters.tasksLost,
    "slave/executors_registering": executors.filter((e) => e.state === "REGISTERING").length,
    "slave/executors_running": executors.filter((e) => e.state === "RUNNING").length,
    "slave/executors_terminating": executors.filter((e) => e.state === "TERMINATING").length,
    "slave/executors_terminated": counters.executorsTerminated,
    "slave/executors_preempted": 0,
    "slave/frameworks_active": book.frameworks.size,
    "slave/valid_status_updates": counters.validStatusUpdates,
    "slave/invalid_status_updates": counters.invalidStatusUpdates,
    "slave/valid_framework_messages": counters.validFrameworkMessages,
    "slave/invalid_framework_messages": counters.invalidFrameworkMessages,
    "slave/recovery_errors": 0,
    "slave/container_launch_errors": counters.containerLaunchErrors,
    "system/cpus_total": cpus().length,
    "system/load_1min": loadavg()[0] ?? 0,
    "system/load_5min": loadavg()[1] ?? 0,
    "system/load_15min": loadavg()[2] ?? 0,
    "system/mem_total_bytes": totalmem(),
    "system/mem_free_bytes": freemem(),
  });
  return out;
}
