import { DateTime } from "luxon";
import type { Offer } from "../../mesos/offer.js";
import { formatSchedule } from "../schedule/iso8601.js";
import { skipForward } from "../schedule/skip.js";
import type { ChronosCore } from "./chronos-core.js";
import { matchQueue, type Pick } from "./offer-match.js";
import { buildTaskInfo } from "./task-builder.js";

/** Refuse seconds for offers left over while tasks wait (they did not fit), and when idle (Mesos's default). */
const BUSY_REFUSE_SECONDS = 1;
const IDLE_REFUSE_SECONDS = 5;
const REVIVE_INTERVAL_MS = 1000;

/** A launched scheduled job's slot is used up: its schedule skips forward (Chronos's handleLaunchedTask). */
function slotUsed(core: ChronosCore, name: string): void {
  const job = core.graph.get(name);
  if (job?.schedule === undefined) return;
  const schedule = core.schedules.get(job);
  if (!schedule) return;
  core.put({ ...job, schedule: formatSchedule(skipForward(schedule, DateTime.utc())) });
}

function launch(core: ChronosCore, offer: Offer, picks: Pick[]): void {
  const driver = core.driver;
  if (!driver) return;
  const tasks = picks.map((p) => buildTaskInfo(p.taskId, p.job, offer, p.resources));
  const now = Date.now();
  for (const p of picks) {
    core.running.add({
      taskId: p.taskId,
      jobName: p.job.name,
      agentId: offer.agent_id.value,
      host: offer.hostname,
      state: "TASK_STAGING",
      launchedAt: now,
    });
    slotUsed(core, p.job.name);
  }
  // Without a filter the rest of the offer comes back at once for the next slot (Mesos's default would
  // refuse it for 5 s); when nothing is near it is declined and offers suppressed.
  driver.launch(offer, tasks, { refuse_seconds: 0 }).catch((error: unknown) => {
    // A call cut off by Chronos stopping may still have reached the master: the tasks stay in `running`
    // (and in --storage), and the next start's reconciliation tells whether they ran, so no slot runs twice.
    if (core.stopped) return;
    core.logger.warn({ err: error }, "launch failed; the tasks go back to the queue");
    for (const p of picks) {
      core.running.remove(p.taskId);
      core.queue.putBack(p.taskId, p.job.highPriority);
    }
  });
}

/** Launches queued tasks on these offers; what is left is held while a slot is near, else declined. */
export function offerRound(core: ChronosCore, offers: Offer[]): void {
  const driver = core.driver;
  if (!driver || offers.length === 0) return;
  const picks = matchQueue(core, offers);
  const used = new Set<string>();
  for (const offer of offers) {
    const mine = picks.filter((p) => p.offer === offer);
    if (mine.length === 0) continue;
    used.add(offer.id.value);
    launch(core, offer, mine);
  }
  if (picks.length > 0) core.options.onLaunch?.();
  const unused = offers.filter((o) => !used.has(o.id.value));
  const slotNear = core.nextDue !== undefined && core.nextDue - Date.now() <= core.holdMs;
  if (unused.length > 0 && core.queue.size === 0 && slotNear) core.offers.add(unused);
  else if (unused.length > 0) {
    const refuse_seconds = core.queue.size > 0 ? BUSY_REFUSE_SECONDS : IDLE_REFUSE_SECONDS;
    core.offerState.declined = true;
    driver
      .decline(
        unused.map((o) => o.id),
        { refuse_seconds },
      )
      .catch(() => undefined);
  }
  wantOffers(core, slotNear);
}

/** Revives offers while tasks wait or a slot is near; suppresses them (and lets held ones go) otherwise. */
export function wantOffers(core: ChronosCore, slotNear: boolean): void {
  const driver = core.driver;
  if (!driver) return;
  const state = core.offerState;
  const now = Date.now();
  if (core.queue.size > 0 || slotNear) {
    if (core.offers.size > 0) return;
    const stale = now - state.lastReviveMs >= REVIVE_INTERVAL_MS;
    if (!state.suppressed && !state.declined && !stale) return;
    state.suppressed = false;
    state.declined = false;
    state.lastReviveMs = now;
    driver.revive().catch((error: unknown) => core.logger.warn({ err: error }, "revive failed"));
    return;
  }
  const held = core.offers.takeAll();
  if (held.length > 0) {
    state.declined = true;
    driver
      .decline(
        held.map((o) => o.id),
        { refuse_seconds: IDLE_REFUSE_SECONDS },
      )
      .catch(() => undefined);
  }
  if (state.suppressed) return;
  state.suppressed = true;
  driver.suppress().catch((error: unknown) => core.logger.warn({ err: error }, "suppress failed"));
}
