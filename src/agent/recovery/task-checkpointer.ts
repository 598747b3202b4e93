import type { ID } from "../../mesos/ids.js";
import type { Task, TaskStatus } from "../../mesos/task.js";
import { isTerminalState } from "../../mesos/task-state.js";
import type { ExecutorRecord, TaskRecord } from "../book.js";
import { processStartTicks } from "./process-watch.js";
import { removeTaskCheckpoint, writeTaskCheckpoint, type TaskCheckpoint } from "./task-checkpoint.js";

const key = (frameworkId: string, taskId: string): string => `${frameworkId}\u0000${taskId}`;

/**
 * Keeps `<work_dir>/meta` in step with the agent's tasks: a checkpoint is written when a task is launched
 * and whenever its state or process changes, and removed once its terminal update is acknowledged.
 * It also holds the tasks recovery ended on restart, reported on re-registration until acknowledged.
 */
export class TaskCheckpointer {
  private closed = false;
  private readonly written = new Map<string, string>();
  private readonly recoveredReports = new Map<string, Task>();

  constructor(
    private readonly workDir: string,
    private readonly agentId: () => string | undefined,
    /** Simulated containers have no process to re-adopt, so nothing is written for them. */
    private readonly enabled: boolean,
  ) {}

  /** Records the task's latest status (or its launch when `status` is undefined). */
  record(executor: ExecutorRecord, task: TaskRecord, status?: TaskStatus): void {
    const agentId = this.agentId();
    if (this.closed || !this.enabled || !agentId) return;
    const latest = status ?? { task_id: task.info.task_id, state: "TASK_STAGING" };
    const pid = executor.runtime?.pid;
    const signature = `${latest.state}/${pid ?? ""}`;
    const id = key(task.frameworkId.value, task.info.task_id.value);
    if (this.written.get(id) === signature) return;
    this.written.set(id, signature);
    this.write({
      framework: executor.framework.info,
      executor: executor.info,
      kind: executor.kind,
      containerId: executor.containerId,
      directory: executor.directory,
      task: task.info,
      latest,
      ...(pid !== undefined && !isTerminalState(latest.state)
        ? { pid, pidStartTicks: processStartTicks(pid) }
        : {}),
    });
  }

  write(checkpoint: TaskCheckpoint): void {
    const agentId = this.agentId();
    if (this.closed || !agentId) return;
    writeTaskCheckpoint(this.workDir, agentId, checkpoint);
  }

  /** The framework acknowledged an update: a terminal one ends the task's checkpoint. */
  acknowledged(frameworkId: ID, status: TaskStatus): void {
    const agentId = this.agentId();
    if (this.closed || !agentId || !isTerminalState(status.state)) return;
    const id = key(frameworkId.value, status.task_id.value);
    this.written.delete(id);
    this.recoveredReports.delete(id);
    removeTaskCheckpoint(this.workDir, agentId, frameworkId.value, status.task_id.value);
  }

  /** A task recovery ended: it is reported in REGISTER until its terminal update is acknowledged. */
  addRecoveredReport(task: Task): void {
    this.recoveredReports.set(key(task.framework_id.value, task.task_id.value), task);
  }

  recoveredTasks(): Task[] {
    return [...this.recoveredReports.values()];
  }

  /** The agent stopped: a process left running may still end, but this agent no longer writes. */
  close(): void {
    this.closed = true;
  }
}
