import type { DateTime, Duration } from "luxon";
import type { Schedule } from "./iso8601.js";

const SECONDS = ["weeks", "days", "hours", "minutes", "seconds", "milliseconds"] as const;

/** The period in whole seconds as Joda's toStandardSeconds counts it (a week 7 days, a day 24 hours). */
function standardSeconds(period: Duration): number {
  const ms = period.shiftTo(...SECONDS).as("milliseconds");
  return Math.trunc(ms / 1000);
}

const isZero = (period: Duration): boolean => Object.values(period.toObject()).every((v) => !v);

/** How many whole periods move `start` past `now` (0 when it is not before now or the period is zero). */
export function skipsNeeded(start: DateTime, period: Duration, now: DateTime): number {
  if (!(start < now) || isZero(period)) return 0;
  const elapsed = Math.trunc((now.toMillis() - start.toMillis()) / 1000);
  const calendar = (period.years ?? 0) !== 0 || (period.months ?? 0) !== 0;
  // With months or years the length of a period depends on where it starts: Chronos measures it from now.
  const length = calendar
    ? Math.trunc((now.plus(period).toMillis() - now.toMillis()) / 1000)
    : standardSeconds(period);
  if (length <= 0) return 1;
  return Math.floor(elapsed / length) + 1;
}

const times = (period: Duration, n: number): Duration => period.mapUnits((v) => v * n);

/**
 * What Chronos stores when a run starts: the start pushed forward by as many whole periods as put it after
 * now, and a finite count one lower (one, however many periods were skipped); forever stays forever.
 */
export function skipForward(schedule: Schedule, now: DateTime): Schedule {
  const skips = skipsNeeded(schedule.start, schedule.period, now);
  return {
    repeat: schedule.repeat < 0 ? -1 : schedule.repeat - 1,
    start: skips === 0 ? schedule.start : schedule.start.plus(times(schedule.period, skips)),
    period: schedule.period,
  };
}

/** The next slot of the stream (`R(n-1)/<start+period>/<period>`), or undefined after the last one. */
export function nextSlot(schedule: Schedule): Schedule | undefined {
  if (schedule.repeat === 0) return undefined;
  return {
    repeat: schedule.repeat < 0 ? -1 : schedule.repeat - 1,
    start: schedule.start.plus(schedule.period),
    period: schedule.period,
  };
}
