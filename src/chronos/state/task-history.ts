import { DateTime } from "luxon";

export type TaskStatStatus = "Success" | "Fail" | "Running" | "Idle";

export interface TaskStat {
  taskId: string;
  jobName: string;
  slaveId: string;
  startMs?: number;
  endMs?: number;
  status: TaskStatStatus;
  numElementsProcessed?: number;
}

/** How many recent tasks `job/stat` lists (Chronos's --job_history_limit default). */
const LIMIT = 5;
const KEEP = 100;

const time = (ms: number | undefined): string =>
  ms === undefined ? "N/A" : DateTime.fromMillis(ms, { zone: "utc" }).toFormat("MM/dd/yy HH:mm:ss");

/** A duration as Chronos prints it: days, hours and minutes when not zero, seconds always (`1h2m3s`, `0s`). */
export function durationText(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h > 0 ? `${h}h` : ""}${m > 0 ? `${m}m` : ""}${s}s`;
}

/** The recent tasks of each job (Chronos keeps these in Cassandra; here they live with the jobs). */
export class TaskHistory {
  private readonly byJob = new Map<string, TaskStat[]>();

  private stat(jobName: string, taskId: string, slaveId: string): TaskStat {
    const list = this.byJob.get(jobName) ?? [];
    this.byJob.set(jobName, list);
    let stat = list.find((s) => s.taskId === taskId);
    if (!stat) {
      stat = { taskId, jobName, slaveId, status: "Idle" };
      list.unshift(stat);
      if (list.length > KEEP) list.pop();
    }
    return stat;
  }

  started(jobName: string, taskId: string, slaveId: string, at = Date.now()): void {
    const stat = this.stat(jobName, taskId, slaveId);
    stat.startMs ??= at;
    if (stat.status === "Idle") stat.status = "Running";
  }

  ended(jobName: string, taskId: string, slaveId: string, success: boolean, at = Date.now()): void {
    const stat = this.stat(jobName, taskId, slaveId);
    stat.endMs = at;
    if (stat.status !== "Success" && stat.status !== "Fail") stat.status = success ? "Success" : "Fail";
  }

  progress(jobName: string, taskId: string, added: number): void {
    const stat = this.stat(jobName, taskId, "");
    stat.numElementsProcessed = (stat.numElementsProcessed ?? 0) + added;
  }

  forget(jobName: string): void {
    this.byJob.delete(jobName);
  }

  /** `taskStatHistory` of `job/stat/{name}`: the most recent first. */
  view(jobName: string): Array<Record<string, unknown>> {
    return (this.byJob.get(jobName) ?? []).slice(0, LIMIT).map((s) => ({
      taskId: s.taskId,
      jobName: s.jobName,
      slaveId: s.slaveId,
      startTime: time(s.startMs),
      endTime: time(s.endMs),
      ...(s.startMs !== undefined && s.endMs !== undefined
        ? { duration: durationText(s.endMs - s.startMs) }
        : {}),
      status: s.status,
      ...(s.numElementsProcessed !== undefined ? { numElementsProcessed: s.numElementsProcessed } : {}),
    }));
  }

  snapshot(): TaskStat[] {
    return [...this.byJob.values()].flat();
  }

  restore(stats: readonly TaskStat[]): void {
    for (const s of [...stats].reverse()) {
      const list = this.byJob.get(s.jobName) ?? [];
      list.unshift(s);
      this.byJob.set(s.jobName, list);
    }
  }
}
