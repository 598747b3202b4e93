import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { parseJob } from "../model/job-parse.js";
import { ChronosCore } from "./chronos-core.js";
import { jobFailed, jobSucceeded } from "./job-results.js";
import { parseTaskId, taskIdOf } from "./task-id.js";

const DEFAULTS = { cpus: 0.1, mem: 128, disk: 256, user: "u", epsilonSeconds: 60 };
const cores: ChronosCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.stop()));

function setup(disableAfterFailures = 0): ChronosCore {
  const core = new ChronosCore({
    logger: silentLogger(),
    defaults: DEFAULTS,
    mesosRole: "*",
    disableAfterFailures,
    failureRetryMs: 60_000,
  });
  cores.push(core);
  for (const body of [
    { name: "parent", schedule: "R/2030-01-01T00:00:00Z/PT1H", retries: 0 },
    { name: "soft", schedule: "R/2030-01-01T00:00:00Z/PT1H", retries: 0, softError: true },
    { name: "child", parents: ["parent", "soft"] },
    { name: "only-soft", parents: ["soft"] },
  ]) {
    const kind = "parents" in body ? "dependency" : "iso8601";
    const parsed = parseJob({ command: "true", ...body }, { kind, v2: false }, DEFAULTS);
    if (!parsed.ok) throw new Error(parsed.message);
    core.put(parsed.job);
  }
  return core;
}

const fail = (core: ChronosCore, name: string, attempt = 0) => {
  const id = taskIdOf(core.graph.get(name)!, Date.now(), attempt);
  jobFailed(core, parseTaskId(id)!, "agent", id);
};
const queued = (core: ChronosCore) => core.queue.list().map((id) => parseTaskId(id)?.jobName);

describe("a job's results", () => {
  it("counts a final failure, and disables the job after --disable_after_failures in a row", () => {
    const core = setup(2);
    fail(core, "parent");
    expect(core.graph.get("parent")).toMatchObject({
      errorCount: 1,
      errorsSinceLastSuccess: 1,
      disabled: false,
    });
    fail(core, "parent");
    expect(core.graph.get("parent")).toMatchObject({
      errorCount: 2,
      errorsSinceLastSuccess: 2,
      disabled: true,
    });
    expect(queued(core)).toEqual([]);
  });

  it("runs the children of a softError job anyway", () => {
    const core = setup();
    fail(core, "soft");
    expect(queued(core)).toEqual(["only-soft"]);
  });

  it("retries while attempts are left, unless the job's last outcome was already a failure", () => {
    const core = setup();
    core.put({ ...core.graph.get("parent")!, retries: 2 });
    fail(core, "parent");
    expect(core.graph.get("parent")?.errorCount).toBe(0);
    core.put({
      ...core.graph.get("parent")!,
      lastError: "2030-01-01T00:00:00.000Z",
      lastSuccess: "2029-01-01T00:00:00.000Z",
    });
    fail(core, "parent");
    expect(core.graph.get("parent")?.errorCount).toBe(1);
  });

  it("resets errorsSinceLastSuccess on a success and disables an exhausted schedule", () => {
    const core = setup();
    core.put({
      ...core.graph.get("parent")!,
      errorsSinceLastSuccess: 3,
      schedule: "R0/2030-01-01T00:00:00Z/PT1H",
    });
    const id = taskIdOf(core.graph.get("parent")!, Date.now());
    jobSucceeded(core, parseTaskId(id)!, "agent", id);
    expect(core.graph.get("parent")).toMatchObject({
      successCount: 1,
      errorsSinceLastSuccess: 0,
      disabled: true,
    });
  });
});
