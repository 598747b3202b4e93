/** Mesos's `Filters.refuse_seconds` default, used when the value given is invalid. */
export const DEFAULT_REFUSE_SECONDS = 5;
/** refuse_seconds is capped at 365 days. */
export const MAX_REFUSE_SECONDS = 31_536_000;

/**
 * How long a refusal filters an agent, in ms; 0 means no filter. Like Mesos: negative or non-numeric
 * values fall back to 5 s, huge ones are capped at a year, and a filter never expires before the next
 * allocation run could have seen it.
 */
export function refuseFilterMs(refuseSeconds: number | undefined, allocationIntervalMs: number): number {
  if (refuseSeconds === undefined || refuseSeconds === 0) return 0;
  let seconds = refuseSeconds;
  if (Number.isNaN(seconds) || seconds < 0) seconds = DEFAULT_REFUSE_SECONDS;
  seconds = Math.min(seconds, MAX_REFUSE_SECONDS);
  return Math.max(seconds * 1000, allocationIntervalMs);
}
