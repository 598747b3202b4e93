import type { Job } from "../model/job.js";

export interface ChronosTaskId {
  due: number;
  attempt: number;
  jobName: string;
  args: string;
}

const TASK_ID = /^ct:(\d+):(\d+):([\w.-]+):?(.*)$/s;

/**
 * `ct:<dueMillis>:<attempt>:<jobName>:<args>`: the arguments given to run-now, else the job's own
 * arguments joined by spaces, with `;` removed as Chronos removes it.
 */
export function taskIdOf(job: Job, due: number, attempt = 0, args?: string): string {
  const text = (args !== undefined && args.trim() !== "" ? args : job.arguments.join(" ")).replace(/;/g, "");
  return `ct:${Math.trunc(due)}:${attempt}:${job.name}:${text}`;
}

export function parseTaskId(id: string): ChronosTaskId | undefined {
  const m = TASK_ID.exec(id);
  if (!m) return undefined;
  return { due: Number(m[1]), attempt: Number(m[2]), jobName: m[3] as string, args: m[4] ?? "" };
}
