import { DateTime } from "luxon";
import { formatSchedule, parsePeriod, type Schedule } from "../schedule/iso8601.js";
import { nextSlot } from "../schedule/skip.js";
import type { Job } from "../model/job.js";
import type { ChronosCore } from "./chronos-core.js";
import { offerRound, wantOffers } from "./offer-round.js";
import { taskIdOf } from "./task-id.js";

const epsilonMs = (job: Job): number => parsePeriod(job.epsilon)?.as("milliseconds") ?? 60_000;

/** 2.x: slots later than epsilon are skipped, one period at a time, as its schedule stream skipped them. */
function skipLateSlots(core: ChronosCore, job: Job, schedule: Schedule, now: number): Schedule | undefined {
  let s: Schedule | undefined = schedule;
  const floor = now - epsilonMs(job);
  while (s && s.repeat !== 0 && s.start.toMillis() < floor) s = nextSlot(s);
  if (!s) return undefined;
  core.logger.info({ job: job.name }, "skipped slots later than epsilon");
  core.put({ ...job, schedule: formatSchedule(s) });
  return s;
}

/**
 * One pass of the scheduler: queues every enabled scheduled job whose slot has come (one task per job;
 * a non-concurrent job whose task still runs waits for it), launches what the held offers take, and sets
 * the one timer for the next slot.
 */
export function evaluate(core: ChronosCore): void {
  if (core.stopped) return;
  const now = Date.now();
  let next = Infinity;
  for (const job of core.graph.all()) {
    if (job.schedule === undefined || job.disabled) continue;
    let schedule = core.schedules.get(job);
    if (!schedule || schedule.repeat === 0) continue;
    let start = schedule.start.toMillis();
    if (start <= now && job.skipLateSlots && now - start > epsilonMs(job)) {
      schedule = skipLateSlots(core, job, schedule, now);
      if (!schedule || schedule.repeat === 0) continue;
      start = schedule.start.toMillis();
    }
    if (start > now) {
      next = Math.min(next, start);
      continue;
    }
    if (core.queue.has(job.name)) continue;
    if (!job.concurrent && core.running.isRunning(job.name)) continue;
    core.enqueue(taskIdOf(job, start), job.highPriority, true);
  }
  core.nextDue = next === Infinity ? undefined : next;
  const early = next - core.holdMs;
  core.wakeUpAt(next === Infinity ? undefined : early > now ? early : next);
  const held = core.offers.takeAll();
  if (held.length > 0) offerRound(core, held);
  else wantOffers(core, next - now <= core.holdMs);
}

/** The instant a schedule's next slot is due, as an ISO string (for logs and tests). */
export const slotText = (ms: number): string => DateTime.fromMillis(ms, { zone: "utc" }).toISO() ?? "";
