/** The Chronos calls minimesos itself makes (install --job, uninstall --job). */
export type ChronosJobKind = "scheduled" | "dependent";

export class ChronosRejected extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`Chronos answered ${status}: ${body}`);
  }
}

async function send(url: string, method: string, body?: string): Promise<void> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new ChronosRejected(res.status, text);
}

/** POSTs a job to `/v1/scheduler/iso8601` (scheduled) or `/v1/scheduler/dependency`; a job of that name is replaced. */
export function postJob(chronosUrl: string, kind: ChronosJobKind, json: string): Promise<void> {
  JSON.parse(json);
  return send(`${chronosUrl}/v1/scheduler/${kind === "scheduled" ? "iso8601" : "dependency"}`, "POST", json);
}

export const deleteJob = (chronosUrl: string, name: string): Promise<void> =>
  send(`${chronosUrl}/v1/scheduler/job/${encodeURIComponent(name)}`, "DELETE");
