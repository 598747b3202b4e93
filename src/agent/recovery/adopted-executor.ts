import type { KillPolicy } from "../../mesos/command.js";
import { hasCapability } from "../../mesos/framework.js";
import type { ID } from "../../mesos/ids.js";
import type { ExecutorRecord, ExecutorRuntime } from "../book.js";
import { processGroupUsage } from "../containerizer/proc-stats.js";
import { DEFAULT_KILL_GRACE_MS, nanosToMs, type ExecutorHost } from "../executors/executor-host.js";
import type { AgentCgroups } from "../isolation/agent-cgroups.js";
import { signalGroup, watchProcessExit } from "./process-watch.js";

/**
 * A command task that outlived an agent restart: the restarted agent is not the process's parent, so it
 * watches the pid through /proc, kills its process group on request and reports the end. The exit status
 * of a process one did not spawn cannot be read, so an end the agent did not cause is reported as
 * TASK_FAILED (REASON_EXECUTOR_TERMINATED) with a message that says so; a killed task is TASK_KILLED.
 */
export class AdoptedCommandExecutor implements ExecutorRuntime {
  private killing = false;
  private stopWatching: (() => void) | undefined;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly host: ExecutorHost,
    private readonly executor: ExecutorRecord,
    readonly pid: number,
    private readonly startTicks: number | undefined,
    private readonly pollMs = 100,
    private readonly cgroups?: AgentCgroups,
  ) {}

  /** Signals the task's process group and, with cgroups, every process of its container. */
  private signalAll(signal: NodeJS.Signals): void {
    signalGroup(this.pid, signal);
    if (!this.cgroups) return;
    if (signal === "SIGKILL") void this.cgroups.destroyContainer(this.executor.containerId);
    else this.cgroups.signalContainer(this.executor.containerId, signal);
  }

  start(): void {
    this.stopWatching = watchProcessExit(this.pid, this.startTicks, this.pollMs, () => this.exited());
  }

  launch(): void {
    // A command executor runs only the task it was started for.
  }

  kill(_taskId?: ID, killPolicy?: KillPolicy): void {
    const task = this.task();
    if (this.killing || !task) return;
    this.killing = true;
    if (hasCapability(this.executor.framework.info, "TASK_KILLING_STATE"))
      this.host.update(this.executor, { task_id: task.info.task_id, state: "TASK_KILLING" });
    const graceMs =
      nanosToMs(killPolicy?.grace_period?.nanoseconds) ??
      nanosToMs(task.info.kill_policy?.grace_period?.nanoseconds) ??
      DEFAULT_KILL_GRACE_MS;
    this.signalAll("SIGTERM");
    const timer = setTimeout(() => this.signalAll("SIGKILL"), graceMs);
    timer.unref();
    this.timers.push(timer);
  }

  shutdown(): void {
    this.executor.state = "TERMINATING";
    this.kill();
  }

  destroy(): void {
    this.killing = true;
    this.signalAll("SIGKILL");
  }

  message(): void {
    // The command executor ignores framework messages.
  }

  usage() {
    return processGroupUsage(this.pid);
  }

  private task() {
    return [...this.executor.tasks.values()][0];
  }

  private exited(): void {
    this.stopWatching?.();
    for (const timer of this.timers) clearTimeout(timer);
    // As for a container whose leader ended: whatever is left of the container goes too.
    this.signalAll("SIGKILL");
    const task = this.task();
    if (task)
      this.host.update(
        this.executor,
        this.killing
          ? { task_id: task.info.task_id, state: "TASK_KILLED", message: "Command terminated after a kill" }
          : {
              task_id: task.info.task_id,
              state: "TASK_FAILED",
              source: "SOURCE_AGENT",
              reason: "REASON_EXECUTOR_TERMINATED",
              message: "Command exited after the agent restarted; its exit status cannot be known",
            },
      );
    this.host.executorTerminated(this.executor, { code: 0, signal: null });
  }
}
