import type { KillPolicy } from "../../mesos/command.js";
import type { ID } from "../../mesos/ids.js";
import type { TaskInfo } from "../../mesos/task.js";
import type { ExecutorRecord, ExecutorRuntime } from "../book.js";
import type { ExecutorHost } from "./executor-host.js";
import { TaskRunner } from "./task-runner.js";

/**
 * The built-in command executor: one task whose command runs in the executor's own container and
 * sandbox. The executor ends (and its container with it) when the task does.
 */
export class CommandExecutor implements ExecutorRuntime {
  private runner: TaskRunner | undefined;

  constructor(
    private readonly host: ExecutorHost,
    private readonly executor: ExecutorRecord,
  ) {}

  get pid(): number | undefined {
    return this.runner?.pid;
  }

  launch(tasks: TaskInfo[]): void {
    const task = tasks[0];
    if (!task || this.runner) return;
    this.executor.state = "RUNNING";
    this.runner = new TaskRunner({
      host: this.host,
      executor: this.executor,
      task,
      sandbox: this.executor.directory,
      containerId: { value: this.executor.containerId },
      env: this.host.environment(this.executor, this.executor.directory),
      onEnded: (_runner, exit) =>
        this.host.executorTerminated(this.executor, exit.launchError ? exit : { code: 0, signal: null }),
    });
    this.runner.start();
  }

  kill(taskId: ID, killPolicy?: KillPolicy): void {
    if (this.runner?.taskId === taskId.value) this.runner.kill(killPolicy);
  }

  shutdown(): void {
    this.executor.state = "TERMINATING";
    this.runner?.kill();
  }

  destroy(): void {
    this.runner?.destroy();
  }

  message(): void {
    // The command executor ignores framework messages, as Mesos's does.
  }

  usage() {
    return this.runner?.usage();
  }
}
