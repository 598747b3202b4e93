import type { TaskState } from "../../mesos/task-state.js";

export interface RunningTask {
  taskId: string;
  jobName: string;
  agentId: string;
  host: string;
  state: TaskState;
  launchedAt: number;
  runningAt?: number;
  killRequested?: boolean;
}

/** The tasks Chronos launched that have not ended, by job. */
export class RunningTasks {
  private readonly byId = new Map<string, RunningTask>();

  add(task: RunningTask): void {
    this.byId.set(task.taskId, task);
  }

  get(taskId: string): RunningTask | undefined {
    return this.byId.get(taskId);
  }

  remove(taskId: string): RunningTask | undefined {
    const task = this.byId.get(taskId);
    this.byId.delete(taskId);
    return task;
  }

  ofJob(jobName: string): RunningTask[] {
    return this.all().filter((t) => t.jobName === jobName);
  }

  isRunning(jobName: string): boolean {
    return this.all().some((t) => t.jobName === jobName);
  }

  all(): RunningTask[] {
    return [...this.byId.values()];
  }
}
