import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChronosCluster, type ChronosCluster } from "./support/chronos-cluster.js";

let cluster: ChronosCluster;
const later = new Date(Date.now() + 3_600_000).toISOString();

beforeAll(async () => {
  cluster = await startChronosCluster();
  await cluster.api("/v1/scheduler/iso8601", {
    method: "POST",
    body: { name: "base", command: "true", schedule: `R/${later}/PT1H` },
  });
  await cluster.api("/v1/scheduler/dependency", {
    method: "POST",
    body: { name: "kid", command: "true", parents: ["base"] },
  });
});
afterAll(async () => {
  await cluster?.close();
});

const post = (path: string, body: unknown) => cluster.api(path, { method: "POST", body });
const jobNames = async () =>
  ((await cluster.api("/v1/scheduler/jobs")).json as Array<{ name: string }>).map((j) => j.name).sort();

describe("bad jobs get Chronos's 400 and change nothing", () => {
  const cases: Array<[string, string, unknown, RegExp]> = [
    [
      "an invalid name",
      "iso8601",
      { name: "bad name!", command: "true", schedule: "R//PT1H" },
      /^java\.lang\.IllegalArgumentException: requirement failed: the job's name is invalid\. Allowed names: '\(\[\\w\\\.-\]\+\)'$/,
    ],
    ["a missing command", "iso8601", { name: "nocmd", schedule: "R//PT1H" }, /has no 'command'/],
    [
      "an unparseable schedule",
      "iso8601",
      { name: "s1", command: "true", schedule: "R/tomorrow/PT1H" },
      /^Cannot parse schedule 'R\/tomorrow\/PT1H' \(wtf bro\)$/,
    ],
    [
      "a period without T",
      "iso8601",
      { name: "s2", command: "true", schedule: "R//P1H" },
      /^Cannot parse schedule 'R\/\/P1H' \(wtf bro\)$/,
    ],
    [
      "an unknown zone",
      "iso8601",
      { name: "s3", command: "true", schedule: "R//PT1H", scheduleTimeZone: "Mars/Base" },
      /^Cannot parse schedule 'R\/\/PT1H' \(wtf bro\): unknown scheduleTimeZone 'Mars\/Base'$/,
    ],
    [
      "a start before 1970",
      "iso8601",
      { name: "s4", command: "true", schedule: "R/1969-12-31T00:00:00Z/PT1H" },
      /^Scheduled start date '1969-12-31T00:00:00.000Z' is before 1970!$/,
    ],
    [
      "both uris and fetch",
      "iso8601",
      { name: "u", command: "true", schedule: "R//PT1H", uris: ["http://a"], fetch: [{ uri: "http://b" }] },
      /^Tried to add both uri \(deprecated\) and fetch parameters on u$/,
    ],
    [
      "both schedule and parents",
      "dependency",
      { name: "both", command: "true", schedule: "R//PT1H", parents: ["base"] },
      /'schedule'/,
    ],
    [
      "both schedule and parents (iso8601)",
      "iso8601",
      { name: "both", command: "true", schedule: "R//PT1H", parents: ["base"] },
      /both 'schedule' and 'parents'/,
    ],
    [
      "a parent that does not exist",
      "dependency",
      { name: "orphan", command: "true", parents: ["base", "ghost"] },
      /requirement failed: JobSchedule orphan does not have all parents defined! \(no job named 'ghost'\)/,
    ],
    [
      "a dependency cycle",
      "dependency",
      { name: "base", command: "true", parents: ["kid"] },
      /dependency cycle/,
    ],
    [
      "a wrong type",
      "iso8601",
      { name: "t", command: "true", schedule: "R//PT1H", retries: "many" },
      /'retries': expected an integer/,
    ],
    [
      "a wrong nested type",
      "iso8601",
      { name: "t", command: "true", schedule: "R//PT1H", environmentVariables: "A=1" },
      /'environmentVariables': expected an array/,
    ],
    [
      "a bad container network",
      "iso8601",
      { name: "t", command: "true", schedule: "R//PT1H", container: { image: "x", network: "WIFI" } },
      /container\.network/,
    ],
  ];
  for (const [what, kind, body, message] of cases)
    it(`refuses ${what}`, async () => {
      const before = JSON.stringify((await cluster.api("/v1/scheduler/jobs")).json);
      for (const prefix of ["/v1/scheduler", "/scheduler"]) {
        const answer = await post(`${prefix}/${kind}`, body);
        expect(answer.status).toBe(400);
        expect(answer.json.status).toBe("Bad Request");
        expect(answer.json.message).toMatch(message);
      }
      expect(JSON.stringify((await cluster.api("/v1/scheduler/jobs")).json)).toBe(before);
    });

  it("answers malformed JSON with a 400 ApiResult", async () => {
    const answer = await post("/v1/scheduler/iso8601", "{not json");
    expect(answer).toMatchObject({ status: 400, json: { status: "Bad Request" } });
  });

  it("answers a new dependent job without parents with Chronos's 500", async () => {
    const answer = await post("/v1/scheduler/dependency", { name: "lonely", command: "true", parents: [] });
    expect(answer).toMatchObject({
      status: 500,
      json: { status: "Internal Server Error", message: "java.lang.Exception: Error, parent does not exist" },
    });
    expect(await jobNames()).toEqual(["base", "kid"]);
  });

  it("answers unknown jobs with 400 and its message", async () => {
    expect(await cluster.api("/v1/scheduler/job/ghost", { method: "DELETE" })).toMatchObject({
      status: 400,
      json: {
        status: "Bad Request",
        message: "java.lang.IllegalArgumentException: requirement failed: JobSchedule 'ghost' not found",
      },
    });
    expect((await cluster.api("/v1/scheduler/job/ghost", { method: "PUT" })).status).toBe(400);
    expect((await cluster.api("/v1/scheduler/task/kill/ghost", { method: "DELETE" })).status).toBe(400);
    expect((await cluster.api("/v1/scheduler/job/stat/ghost")).status).toBe(400);
  });

  it("ignores unknown fields and accepts numbers and booleans as text", async () => {
    const answer = await post("/v1/scheduler/iso8601", {
      name: "lenient",
      command: "true",
      schedule: `R/${later}/PT1H`,
      retries: "5",
      disabled: "true",
      somethingNew: { x: 1 },
    });
    expect(answer.status).toBe(204);
    const job = (await cluster.api("/v1/scheduler/job/lenient")).json;
    expect(job).toMatchObject({ retries: 5, disabled: true });
    expect(job.somethingNew).toBeUndefined();
    // Replacing a job with POST keeps nothing of the old one but its name.
    await post("/v1/scheduler/iso8601", { name: "lenient", command: "false", schedule: `R/${later}/PT1H` });
    expect((await cluster.api("/v1/scheduler/job/lenient")).json).toMatchObject({
      retries: 2,
      disabled: false,
      command: "false",
    });
  });
});
