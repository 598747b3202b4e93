import { describe, expect, it } from "vitest";
import { chronosJson, jobView } from "./job-json.js";
import { parseJob, type PostedTo } from "./job-parse.js";

const DEFAULTS = { cpus: 0.25, mem: 64, disk: 100, user: "runner", epsilonSeconds: 30 };
const V3: PostedTo = { kind: "iso8601", v2: false };

function ok(body: Record<string, unknown>, posted = V3, now?: number) {
  const parsed = parseJob({ name: "j", command: "true", ...body }, posted, DEFAULTS, now);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.job;
}

describe("reading a posted job", () => {
  it("fills Chronos's defaults, the flags' resources for 0 or missing ones", () => {
    const job = ok({ schedule: "R//PT1H", cpus: 0, mem: "256" });
    expect(job).toMatchObject({
      shell: true,
      retries: 2,
      epsilon: "PT30S",
      cpus: 0.25,
      mem: 256,
      disk: 100,
      runAsUser: "runner",
      concurrent: false,
      scheduleTimeZone: "",
      successCount: 0,
      lastSuccess: "",
    });
    expect(job.skipLateSlots).toBeUndefined();
  });

  it("runs a job without schedule once, now", () => {
    expect(ok({}, V3, Date.UTC(2017, 1, 14, 12)).schedule).toBe("R1/2017-02-14T12:00:00.000Z/PT24H");
  });

  it("honours epsilon for 2.x paths and explicit epsilons", () => {
    expect(ok({ schedule: "R//PT1H" }, { kind: "iso8601", v2: true }).skipLateSlots).toBe(true);
    expect(ok({ schedule: "R//PT1H", epsilon: "PT5M" }).skipLateSlots).toBe(true);
    expect(parseJob({ name: "j", command: "x", epsilon: "5m" }, V3, DEFAULTS)).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it("keeps only EQUALS, LIKE and UNLIKE constraints and unique parents", () => {
    expect(
      ok({
        schedule: "R//PT1H",
        constraints: [
          ["rack", "EQUALS", "r1"],
          ["host", "UNIQUE", ""],
          ["hostname", "LIKE", "a.*"],
        ],
      }).constraints,
    ).toEqual([
      ["rack", "EQUALS", "r1"],
      ["hostname", "LIKE", "a.*"],
    ]);
    expect(ok({ parents: ["a", "b", "a"] }, { kind: "dependency", v2: false }).parents).toEqual(["a", "b"]);
  });

  it("writes every scalar field, resources as doubles, uris and fetch mirrored, and the container when set", () => {
    const job = ok({
      schedule: "R//PT1H",
      uris: ["http://x/a"],
      container: {
        type: "DOCKER",
        image: "alpine",
        networkInfos: [{ name: "n", portMappings: [{ hostPort: 1, containerPort: 2 }] }],
      },
    });
    const view = jobView(job);
    expect(Object.keys(view)).toEqual([
      "name",
      "command",
      "shell",
      "epsilon",
      "executor",
      "executorFlags",
      "taskInfoData",
      "retries",
      "owner",
      "ownerName",
      "description",
      "async",
      "successCount",
      "errorCount",
      "lastSuccess",
      "lastError",
      "cpus",
      "disk",
      "mem",
      "disabled",
      "softError",
      "dataProcessingJobType",
      "errorsSinceLastSuccess",
      "fetch",
      "uris",
      "environmentVariables",
      "arguments",
      "highPriority",
      "runAsUser",
      "concurrent",
      "maxCompletionTime",
      "container",
      "constraints",
      "schedule",
      "scheduleTimeZone",
    ]);
    expect(view.fetch).toEqual([{ uri: "http://x/a", executable: false, cache: false, extract: true }]);
    const text = chronosJson([view]);
    expect(text).toContain('"cpus":0.25,"disk":100.0,"mem":64.0');
    expect(text).toContain('"portMappings":[{"hostPort":"1","containerPort":"2"}]');
    expect(jobView(ok({ schedule: "R//PT1H", container: { network: "HOST" } })).container).toBeUndefined();
  });
});
