import { parseTaskId } from "../core/task-id.js";

/**
 * Chronos's two queues of task ids waiting for offers (high priority boards first). A job is queued at
 * most once: enqueueing a second task of a queued job does nothing, as in Chronos.
 */
export class TaskQueue {
  private readonly high: string[] = [];
  private readonly normal: string[] = [];
  private readonly jobs = new Set<string>();

  enqueue(taskId: string, highPriority: boolean): boolean {
    const name = parseTaskId(taskId)?.jobName;
    if (name === undefined || this.jobs.has(name)) return false;
    this.jobs.add(name);
    (highPriority ? this.high : this.normal).push(taskId);
    return true;
  }

  /** Puts back a task that found no offer, at the front of its queue. */
  putBack(taskId: string, highPriority: boolean): void {
    const name = parseTaskId(taskId)?.jobName;
    if (name === undefined || this.jobs.has(name)) return;
    this.jobs.add(name);
    (highPriority ? this.high : this.normal).unshift(taskId);
  }

  poll(): string | undefined {
    const taskId = this.high.shift() ?? this.normal.shift();
    const name = taskId === undefined ? undefined : parseTaskId(taskId)?.jobName;
    if (name !== undefined) this.jobs.delete(name);
    return taskId;
  }

  has(jobName: string): boolean {
    return this.jobs.has(jobName);
  }

  /** Drops the queued task of a job (it was deleted or its tasks killed). */
  remove(jobName: string): void {
    if (!this.jobs.delete(jobName)) return;
    for (const q of [this.high, this.normal]) {
      const i = q.findIndex((id) => parseTaskId(id)?.jobName === jobName);
      if (i >= 0) q.splice(i, 1);
    }
  }

  get size(): number {
    return this.high.length + this.normal.length;
  }

  list(): string[] {
    return [...this.high, ...this.normal];
  }
}
