import { DateTime, Duration } from "luxon";
import { zoneNamed } from "./zone.js";

/** A parsed `R[n]/<start>/<period>`: `repeat` -1 means forever (`R`), 0 means exhausted. */
export interface Schedule {
  repeat: number;
  start: DateTime;
  period: Duration;
}

/** Chronos's own grammar around ISO 8601: repeat, start and period, split as its regex does. */
const EXPRESSION = /^(R[0-9]*)\/(.*)\/(P.*)$/s;
/** ISO 8601 durations with at least one component; `T` is needed before H/M/S; the last may be a fraction. */
const PERIOD =
  /^P(?!$)(\d+(?:[.,]\d+)?Y)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?W)?(\d+(?:[.,]\d+)?D)?(T(?=\d)(\d+(?:[.,]\d+)?H)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?S)?)?$/;

export type ScheduleProblem = "syntax" | "zone";

/** The period, or undefined when it is not an ISO 8601 duration. */
export function parsePeriod(text: string): Duration | undefined {
  if (!PERIOD.test(text)) return undefined;
  const period = Duration.fromISO(text.replace(",", "."));
  return period.isValid ? period : undefined;
}

/** The start date-time in the zone it was written in (UTC when it names none), moved into `zone` keeping its fields. */
function parseStart(text: string, zone: string): DateTime | ScheduleProblem {
  const parsed = DateTime.fromISO(text, { setZone: true, zone: "utc" });
  if (!parsed.isValid) return "syntax";
  if (zone === "") return parsed;
  const target = zoneNamed(zone);
  if (!target) return "zone";
  return parsed.setZone(target, { keepLocalTime: true });
}

/**
 * Parses a schedule as Chronos does: `R` alone repeats forever, `Rn` n more times; an empty start means one
 * second before `now`; a non-empty `timeZone` beats the zone written in the start (its fields are re-read there).
 */
export function parseSchedule(
  text: string,
  timeZone = "",
  now: DateTime = DateTime.utc(),
): Schedule | ScheduleProblem {
  const match = EXPRESSION.exec(text);
  if (!match) return "syntax";
  const [, repeatText = "R", startText = "", periodText = ""] = match;
  const repeat = repeatText.length === 1 ? -1 : Number(repeatText.slice(1));
  if (!Number.isSafeInteger(repeat)) return "syntax";
  const period = parsePeriod(periodText);
  if (!period) return "syntax";
  if (timeZone !== "" && !zoneNamed(timeZone)) return "zone";
  const start = startText === "" ? now.toUTC().minus({ seconds: 1 }) : parseStart(startText, timeZone);
  if (typeof start === "string") return start;
  return { repeat, start, period };
}

/** A date-time as Joda's ISO printer writes it: milliseconds always, `Z` for a zero offset, else `±hh:mm`. */
export function formatDateTime(dt: DateTime): string {
  const offset = dt.offset === 0 ? "Z" : dt.toFormat("ZZ");
  return `${dt.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")}${offset}`;
}

/** The current time as Chronos writes `lastSuccess` and `lastError`. */
export const nowText = (ms = Date.now()): string => formatDateTime(DateTime.fromMillis(ms, { zone: "utc" }));

/** A period as ISO 8601 (`PT3M`, `P1Y2M3DT4H5M6S`, `PT0S`). */
export const formatPeriod = (period: Duration): string => period.toISO() ?? "PT0S";

/** The schedule string Chronos stores: `R/…` when forever, `Rn/…` otherwise. */
export function formatSchedule(schedule: Schedule): string {
  const repeat = schedule.repeat < 0 ? "R" : `R${schedule.repeat}`;
  return `${repeat}/${formatDateTime(schedule.start)}/${formatPeriod(schedule.period)}`;
}
