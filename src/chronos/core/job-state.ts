import type { Job } from "../model/job.js";

/** `lastState`: whichever of lastSuccess / lastError is later; `fresh` when the job never ended. */
export function lastState(job: Job): "fresh" | "success" | "failure" {
  if (job.lastSuccess === "" && job.lastError === "") return "fresh";
  if (job.lastSuccess === "") return "failure";
  if (job.lastError === "") return "success";
  return Date.parse(job.lastSuccess) > Date.parse(job.lastError) ? "success" : "failure";
}

/** `currentState`: `N running` while tasks run, `queued` while one waits for an offer, else `idle`. */
export function currentState(running: number, queued: boolean): string {
  if (running > 0) return `${running} running`;
  return queued ? "queued" : "idle";
}
