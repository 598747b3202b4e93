import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatSchedule, parseSchedule, type Schedule } from "./iso8601.js";
import { nextSlot, skipForward, skipsNeeded } from "./skip.js";

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
function parsed(text: string, zone = ""): Schedule {
  const result = parseSchedule(text, zone);
  if (typeof result === "string") throw new Error(`${text} did not parse`);
  return result;
}

describe("skipping forward as a run starts", () => {
  it("pushes the start past now by whole periods and keeps R forever", () => {
    const next = skipForward(parsed("R/2017-02-14T12:00:00Z/PT3M"), at("2017-02-14T12:10:30Z"));
    expect(formatSchedule(next)).toBe("R/2017-02-14T12:12:00.000Z/PT3M");
  });

  it("moves a start that equals now one period on", () => {
    const next = skipForward(parsed("R/2017-02-14T12:00:00Z/PT3M"), at("2017-02-14T12:00:00.001Z"));
    expect(formatSchedule(next)).toBe("R/2017-02-14T12:03:00.000Z/PT3M");
  });

  it("lowers a finite count by one, however many periods it skips", () => {
    const next = skipForward(parsed("R5/2017-02-14T12:00:00Z/PT1M"), at("2017-02-14T12:30:10Z"));
    expect(formatSchedule(next)).toBe("R4/2017-02-14T12:31:00.000Z/PT1M");
    expect(
      formatSchedule(skipForward(parsed("R1/2017-02-14T12:00:00Z/PT1M"), at("2017-02-14T12:00:01Z"))),
    ).toBe("R0/2017-02-14T12:01:00.000Z/PT1M");
  });

  it("leaves a start in the future where it is", () => {
    const next = skipForward(parsed("R3/2030-01-01T00:00:00Z/P1D"), at("2017-02-14T12:00:00Z"));
    expect(formatSchedule(next)).toBe("R2/2030-01-01T00:00:00.000Z/P1D");
  });

  it("measures month and year periods from now", () => {
    expect(
      skipsNeeded(
        at("2017-01-31T00:00:00Z"),
        parsed("R/2017-01-01T00:00:00Z/P1M").period,
        at("2017-03-15T00:00:00Z"),
      ),
    ).toBe(2);
    const next = skipForward(parsed("R/2016-02-14T12:00:00Z/P1Y"), at("2017-02-14T13:00:00Z"));
    expect(formatSchedule(next)).toBe("R/2018-02-14T12:00:00.000Z/P1Y");
  });

  it("skips in the job's zone", () => {
    const s = parsed("R/2017-03-10T08:00:00Z/P1D", "America/New_York");
    const next = skipForward(s, at("2017-03-12T20:00:00Z"));
    expect(formatSchedule(next)).toBe("R/2017-03-13T08:00:00.000-04:00/P1D");
  });

  it("gives the next slot of the stream and none after R0", () => {
    expect(formatSchedule(nextSlot(parsed("R2/2017-02-14T12:00:00Z/PT3M")) as Schedule)).toBe(
      "R1/2017-02-14T12:03:00.000Z/PT3M",
    );
    expect(formatSchedule(nextSlot(parsed("R/2017-02-14T12:00:00Z/PT3M")) as Schedule)).toBe(
      "R/2017-02-14T12:03:00.000Z/PT3M",
    );
    expect(nextSlot(parsed("R0/2017-02-14T12:00:00Z/PT3M"))).toBeUndefined();
  });
});
