import type { FrameworkInfo } from "../mesos/framework.js";
import type { ID } from "../mesos/ids.js";
import type { Resource } from "../mesos/resource.js";
import { addResources } from "../mesos/resources.js";
import type { ExecutorInfo, TaskInfo, TaskStatus } from "../mesos/task.js";
import type { TaskState } from "../mesos/task-state.js";
import type { KillPolicy } from "../mesos/command.js";
import type { ContainerUsage } from "./containerizer/containerizer.js";

/** How an executor's tasks are run: the built-in command or default executor, or the framework's own. */
export type ExecutorKind = "command" | "default" | "custom";

export type ExecutorState = "REGISTERING" | "RUNNING" | "TERMINATING" | "TERMINATED";

export interface TaskRecord {
  info: TaskInfo;
  frameworkId: ID;
  state: TaskState;
  statuses: TaskStatus[];
}

/** What runs an executor's tasks: implemented by the command, default and HTTP executors. */
export interface ExecutorRuntime {
  launch(tasks: TaskInfo[], asGroup: boolean): void;
  kill(taskId: ID, killPolicy?: KillPolicy): void;
  /** SHUTDOWN: kill every task, then the executor, within the grace period. */
  shutdown(): void;
  /** Kills everything at once (agent stopping). */
  destroy(): void;
  message(data: string): void;
  usage(): ContainerUsage | undefined;
  readonly pid: number | undefined;
}

export interface ExecutorRecord {
  info: ExecutorInfo & { framework_id: ID };
  kind: ExecutorKind;
  framework: FrameworkRecord;
  containerId: string;
  directory: string;
  state: ExecutorState;
  /** Launched tasks that are not yet terminal. */
  tasks: Map<string, TaskRecord>;
  /** Tasks waiting for the executor to subscribe. */
  queued: Map<string, TaskInfo>;
  completed: TaskRecord[];
  runtime: ExecutorRuntime | undefined;
}

export interface FrameworkRecord {
  info: FrameworkInfo & { id: ID };
  executors: Map<string, ExecutorRecord>;
  completedExecutors: ExecutorRecord[];
}

/** Resources an executor holds: its own plus its live and queued tasks'. */
export function executorResources(executor: ExecutorRecord): Resource[] {
  return addResources(executor.info.resources ?? [], [
    ...[...executor.tasks.values()].flatMap((t) => t.info.resources ?? []),
    ...[...executor.queued.values()].flatMap((t) => t.resources ?? []),
  ]);
}

/** Every framework, executor and task the agent knows, by id. */
export class AgentBook {
  readonly frameworks = new Map<string, FrameworkRecord>();
  readonly completedFrameworks: FrameworkRecord[] = [];

  framework(frameworkId: string): FrameworkRecord | undefined {
    return this.frameworks.get(frameworkId);
  }

  ensureFramework(info: FrameworkInfo & { id: ID }): FrameworkRecord {
    let record = this.frameworks.get(info.id.value);
    if (!record) {
      record = { info, executors: new Map(), completedExecutors: [] };
      this.frameworks.set(info.id.value, record);
    } else record.info = info;
    return record;
  }

  executor(frameworkId: string, executorId: string): ExecutorRecord | undefined {
    return this.frameworks.get(frameworkId)?.executors.get(executorId);
  }

  /** The executor that holds a task (launched or queued). */
  executorOfTask(frameworkId: string, taskId: string): ExecutorRecord | undefined {
    for (const executor of this.frameworks.get(frameworkId)?.executors.values() ?? [])
      if (executor.tasks.has(taskId) || executor.queued.has(taskId)) return executor;
    return undefined;
  }

  *allExecutors(): Iterable<ExecutorRecord> {
    for (const framework of this.frameworks.values()) yield* framework.executors.values();
  }

  /** Moves a terminated executor to its framework's completed list, and the framework when it is empty. */
  retireExecutor(executor: ExecutorRecord): void {
    const framework = executor.framework;
    if (framework.executors.get(executor.info.executor_id.value) !== executor) return;
    framework.executors.delete(executor.info.executor_id.value);
    framework.completedExecutors.push(executor);
    trim(framework.completedExecutors, MAX_COMPLETED_EXECUTORS);
    if (framework.executors.size === 0) {
      this.frameworks.delete(framework.info.id.value);
      this.completedFrameworks.push(framework);
      trim(this.completedFrameworks, MAX_COMPLETED_FRAMEWORKS);
    }
  }
}

/** Mesos keeps a bounded history: --max_completed_executors_per_framework (150), 50 frameworks. */
const MAX_COMPLETED_EXECUTORS = 150;
const MAX_COMPLETED_FRAMEWORKS = 50;
export const MAX_COMPLETED_TASKS = 1000;

export function trim<T>(list: T[], max: number): void {
  if (list.length > max) list.splice(0, list.length - max);
}
