import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDateTime, formatSchedule, parseSchedule, type Schedule } from "./iso8601.js";

const NOW = DateTime.fromISO("2017-02-14T12:10:30.500Z", { setZone: true });

function parsed(text: string, zone = ""): Schedule {
  const result = parseSchedule(text, zone, NOW);
  if (typeof result === "string") throw new Error(`${text} did not parse: ${result}`);
  return result;
}

describe("Chronos schedule grammar", () => {
  it("reads the datastrophic example: repeat forever from a UTC start every 3 minutes", () => {
    const s = parsed("R/2017-02-14T12:00:00Z/PT3M");
    expect(s.repeat).toBe(-1);
    expect(s.start.toMillis()).toBe(Date.UTC(2017, 1, 14, 12, 0, 0));
    expect(s.period.toObject()).toEqual({ minutes: 3 });
    expect(formatSchedule(s)).toBe("R/2017-02-14T12:00:00.000Z/PT3M");
  });

  it("counts Rn as n more runs and R0 as exhausted", () => {
    expect(parsed("R5/2017-02-14T12:00:00Z/PT1H").repeat).toBe(5);
    expect(parsed("R0/2017-02-14T12:00:00Z/PT1H").repeat).toBe(0);
    expect(formatSchedule(parsed("R0/2017-02-14T12:00:00Z/PT1H"))).toBe("R0/2017-02-14T12:00:00.000Z/PT1H");
  });

  it("takes an empty start (R//PT1H) as one second before now", () => {
    const s = parsed("R//PT1H");
    expect(s.repeat).toBe(-1);
    expect(s.start.toMillis()).toBe(NOW.toMillis() - 1000);
    expect(formatSchedule(s)).toBe("R/2017-02-14T12:10:29.500Z/PT1H");
  });

  it("reads every period field and prints it back", () => {
    const s = parsed("R1/2017-02-14T12:00:00Z/P1Y2M3DT4H5M6S");
    expect(s.period.toObject()).toEqual({ years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 });
    expect(formatSchedule(s)).toBe("R1/2017-02-14T12:00:00.000Z/P1Y2M3DT4H5M6S");
    expect(formatSchedule(parsed("R/2017-02-14T12:00:00Z/P1D"))).toBe("R/2017-02-14T12:00:00.000Z/P1D");
    expect(formatSchedule(parsed("R/2017-02-14T12:00:00Z/P2W"))).toBe("R/2017-02-14T12:00:00.000Z/P2W");
    expect(formatSchedule(parsed("R/2017-02-14T12:00:00Z/PT1.5S"))).toBe("R/2017-02-14T12:00:00.000Z/PT1.5S");
  });

  it("keeps the offset written in the start", () => {
    const s = parsed("R/2017-02-14T12:00:00+01:00/PT3M");
    expect(s.start.toMillis()).toBe(Date.UTC(2017, 1, 14, 11, 0, 0));
    expect(formatSchedule(s)).toBe("R/2017-02-14T12:00:00.000+01:00/PT3M");
    expect(formatSchedule(parsed("R/2017-02-14T12:00:00.250-05:30/PT3M"))).toBe(
      "R/2017-02-14T12:00:00.250-05:30/PT3M",
    );
  });

  it("lets scheduleTimeZone beat the zone in the string, re-reading the start fields in it", () => {
    const s = parsed("R/2017-02-14T12:00:00Z/P1D", "America/New_York");
    expect(s.start.toMillis()).toBe(Date.UTC(2017, 1, 14, 17, 0, 0));
    expect(formatSchedule(s)).toBe("R/2017-02-14T12:00:00.000-05:00/P1D");
    // The rewritten string parses back to the same instant in the same zone.
    expect(parsed(formatSchedule(s), "America/New_York").start.toMillis()).toBe(s.start.toMillis());
    expect(parsed("R/2017-02-14T12:00:00+03:00/PT1H", "UTC").start.toMillis()).toBe(
      Date.UTC(2017, 1, 14, 12, 0, 0),
    );
    expect(formatSchedule(parsed("R/2017-02-14T12:00:00Z/PT1H", "GMT+05:30"))).toBe(
      "R/2017-02-14T12:00:00.000+05:30/PT1H",
    );
  });

  it("adds a day across a daylight-saving change as a calendar day", () => {
    const s = parsed("R/2017-03-11T09:00:00Z/P1D", "America/New_York");
    expect(formatDateTime(s.start.plus(s.period))).toBe("2017-03-12T09:00:00.000-04:00");
  });

  it("refuses what Chronos cannot parse", () => {
    for (const bad of [
      "",
      "R/2017-02-14T12:00:00Z",
      "2017-02-14T12:00:00Z/PT3M",
      "Rx/2017-02-14T12:00:00Z/PT3M",
      "R/2017-02-30T12:00:00Z/PT3M",
      "R/yesterday/PT3M",
      "R/2017-02-14T12:00:00Z/PT",
      "R/2017-02-14T12:00:00Z/P",
      "R/2017-02-14T12:00:00Z/P1H",
      "R/2017-02-14T12:00:00Z/3M",
    ])
      expect(parseSchedule(bad, "", NOW), bad).toBe("syntax");
    expect(parseSchedule("R/2017-02-14T12:00:00Z/PT3M", "Mars/Olympus_Mons", NOW)).toBe("zone");
    expect(parseSchedule("R//PT3M", "Nowhere", NOW)).toBe("zone");
  });
});
