import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { parseJob } from "../model/job-parse.js";
import { ChronosCore } from "./chronos-core.js";
import { evaluate } from "./due-loop.js";
import { parseTaskId } from "./task-id.js";

const DEFAULTS = { cpus: 0.1, mem: 128, disk: 256, user: "u", epsilonSeconds: 60 };
const cores: ChronosCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.stop()));

function core(): ChronosCore {
  const c = new ChronosCore({
    logger: silentLogger(),
    defaults: DEFAULTS,
    mesosRole: "*",
    disableAfterFailures: 0,
    failureRetryMs: 10,
  });
  c.setEvaluator(() => evaluate(c));
  cores.push(c);
  return c;
}

function add(c: ChronosCore, body: Record<string, unknown>, v2 = false): void {
  const parsed = parseJob({ command: "true", ...body }, { kind: "iso8601", v2 }, DEFAULTS);
  if (!parsed.ok) throw new Error(parsed.message);
  c.put(parsed.job);
}

const iso = (ms: number) => new Date(ms).toISOString();

describe("the due loop", () => {
  it("queues a due job once, with the slot as the task's due time, and wakes at the next slot", () => {
    const c = core();
    const slot = Date.now() - 5000;
    add(c, { name: "late3", schedule: `R/${iso(slot)}/PT1H` });
    const future = Date.now() + 60_000;
    add(c, { name: "future", schedule: `R/${iso(future)}/PT1H` });
    evaluate(c);
    evaluate(c);
    expect(c.queue.list().map((id) => parseTaskId(id))).toEqual([
      { due: slot, attempt: 0, jobName: "late3", args: "" },
    ]);
    expect(c.nextDue).toBe(future);
    // Woken a hold window early, to have offers in hand at the slot.
    expect(c.wakeAt).toBe(future - 250);
    expect(c.currentState("late3")).toBe("queued");
    expect(c.currentState("future")).toBe("idle");
  });

  it("skips 2.x slots later than epsilon and runs the first one within it", () => {
    const c = core();
    const start = Date.now() - 10 * 60_000 - 30_000;
    add(c, { name: "old", schedule: `R/${iso(start)}/PT1M`, epsilon: "PT45S" });
    add(c, { name: "few", schedule: `R5/${iso(start)}/PT1M`, epsilon: "PT45S" });
    evaluate(c);
    // Ten slots were more than 45 s late; the eleventh (30 s late) runs.
    expect(c.graph.get("old")?.schedule).toBe(`R/${iso(start + 10 * 60_000)}/PT1M`);
    expect(c.queue.list().map((id) => parseTaskId(id)?.due)).toEqual([start + 10 * 60_000]);
    // Five runs left, all of them too late: the count runs out, nothing runs.
    expect(c.graph.get("few")?.schedule).toBe(`R0/${iso(start + 5 * 60_000)}/PT1M`);
  });

  it("runs a late 2.x slot that is inside epsilon", () => {
    const c = core();
    const start = Date.now() - 20_000;
    add(c, { name: "v2", schedule: `R/${iso(start)}/PT1H` }, true);
    evaluate(c);
    expect(c.queue.list().map((id) => parseTaskId(id)?.due)).toEqual([start]);
  });

  it("leaves disabled and exhausted jobs alone", () => {
    const c = core();
    add(c, { name: "off", schedule: "R//PT1H", disabled: true });
    add(c, { name: "done", schedule: `R0/${iso(Date.now() - 1000)}/PT1H` });
    evaluate(c);
    expect(c.queue.size).toBe(0);
    expect(c.wakeAt).toBeUndefined();
  });
});
