import { FixedOffsetZone, IANAZone, type Zone } from "luxon";

/** `GMT+05:00`, `UTC-3`, `GMT+0530`: the fixed-offset ids Java's TimeZone.getTimeZone accepts. */
const OFFSET_ID = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * The zone named by a `scheduleTimeZone` (a tz database name, `UTC`/`GMT`, or a `GMT+hh:mm` offset), or
 * undefined when no zone has that name. Chronos (Java) silently falls back to GMT for an unknown name;
 * we refuse it so a typo does not run a job hours off.
 */
export function zoneNamed(name: string): Zone | undefined {
  if (/^(?:UTC|GMT|Z|Zulu)$/i.test(name)) return FixedOffsetZone.utcInstance;
  const offset = OFFSET_ID.exec(name);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (Number(offset[2]) > 18 || Number(offset[3] ?? 0) > 59) return undefined;
    return FixedOffsetZone.instance(offset[1] === "-" ? -minutes : minutes);
  }
  return IANAZone.isValidZone(name) ? IANAZone.create(name) : undefined;
}
