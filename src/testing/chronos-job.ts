import { getJson } from "./http-json.js";
import type { Observation } from "./wait.js";

/** The fields of a Chronos job (`GET /v1/scheduler/job/<name>`) a test usually reads. */
export interface ChronosJob {
  name: string;
  command: string;
  schedule?: string;
  parents?: string[];
  successCount: number;
  errorCount: number;
  errorsSinceLastSuccess: number;
  lastSuccess: string;
  lastError: string;
  disabled: boolean;
  [field: string]: unknown;
}

export const chronosJob = (chronosUrl: string, name: string): Promise<ChronosJob> =>
  getJson<ChronosJob>(`${chronosUrl}/v1/scheduler/job/${encodeURIComponent(name)}`);

/** A look at a Chronos job: the job once its successCount is above `after`. */
export async function observeChronosSuccess(
  chronosUrl: string,
  name: string,
  after: number,
): Promise<Observation<ChronosJob>> {
  const job = await chronosJob(chronosUrl, name);
  if (job.successCount > after) return { value: job };
  return { seen: `successCount ${job.successCount}, errorCount ${job.errorCount}` };
}
