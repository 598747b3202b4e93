import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { KillPolicy } from "../../mesos/command.js";
import type { ID } from "../../mesos/ids.js";
import type { TaskInfo } from "../../mesos/task.js";
import type { ExecutorRecord, ExecutorRuntime } from "../book.js";
import type { ContainerUsage } from "../containerizer/containerizer.js";
import { createTaskSandbox } from "../sandbox.js";
import type { ExecutorHost } from "./executor-host.js";
import { TaskRunner } from "./task-runner.js";

/**
 * The built-in default executor for task groups: every task runs in a nested container with its own
 * sandbox (`<executor sandbox>/tasks/<task id>`). A task that fails or is killed takes its whole group
 * down; the executor ends when no task is left.
 */
export class DefaultExecutor implements ExecutorRuntime {
  private readonly runners = new Map<string, { runner: TaskRunner; group: Set<TaskRunner> }>();
  private shutdownTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly host: ExecutorHost,
    private readonly executor: ExecutorRecord,
  ) {}

  get pid(): number | undefined {
    for (const { runner } of this.runners.values()) if (runner.pid !== undefined) return runner.pid;
    return undefined;
  }

  launch(tasks: TaskInfo[]): void {
    this.executor.state = "RUNNING";
    const group = new Set<TaskRunner>();
    for (const task of tasks) {
      const sandbox =
        this.host.containerizer.name === "simulated"
          ? join(this.executor.directory, "tasks", task.task_id.value)
          : createTaskSandbox(this.executor.directory, task.task_id.value);
      const runner = new TaskRunner({
        host: this.host,
        executor: this.executor,
        task,
        sandbox,
        containerId: { value: randomUUID(), parent: { value: this.executor.containerId } },
        env: this.host.environment(this.executor, sandbox),
        onEnded: (ended, _exit, state) => this.taskEnded(ended, state),
      });
      group.add(runner);
      this.runners.set(task.task_id.value, { runner, group });
    }
    for (const runner of group) runner.start();
  }

  kill(taskId: ID, killPolicy?: KillPolicy): void {
    this.runners.get(taskId.value)?.runner.kill(killPolicy);
  }

  shutdown(): void {
    this.executor.state = "TERMINATING";
    for (const { runner } of this.runners.values()) runner.kill();
    this.shutdownTimer = setTimeout(() => this.destroy(), this.host.shutdownGracePeriodMs);
    this.shutdownTimer.unref();
  }

  destroy(): void {
    for (const { runner } of [...this.runners.values()]) runner.destroy();
  }

  message(): void {
    // Framework messages to the default executor are dropped, as Mesos's does.
  }

  usage(): ContainerUsage | undefined {
    const all = [...this.runners.values()].map(({ runner }) => runner.usage()).filter((u) => u !== undefined);
    if (all.length === 0) return undefined;
    return all.reduce((a, b) => ({
      processes: a.processes + b.processes,
      threads: a.threads + b.threads,
      cpusUserTimeSecs: a.cpusUserTimeSecs + b.cpusUserTimeSecs,
      cpusSystemTimeSecs: a.cpusSystemTimeSecs + b.cpusSystemTimeSecs,
      memRssBytes: a.memRssBytes + b.memRssBytes,
    }));
  }

  private taskEnded(runner: TaskRunner, state: string): void {
    const entry = this.runners.get(runner.taskId);
    this.runners.delete(runner.taskId);
    if (entry && state !== "TASK_FINISHED")
      for (const other of entry.group) if (other !== runner) other.kill();
    if (this.runners.size === 0) {
      clearTimeout(this.shutdownTimer);
      this.host.executorTerminated(this.executor, { code: 0, signal: null });
    }
  }
}
