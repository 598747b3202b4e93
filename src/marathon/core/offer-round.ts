import { debugFailure } from "../../common/logger.js";
import type { Offer } from "../../mesos/offer.js";
import { useOffer, type LaunchDemand } from "../scheduling/offer-handler.js";
import type { MarathonCore } from "./marathon-core.js";

/** Refuse offers for this long when nothing is waiting (Marathon's --decline_offer_duration). */
const IDLE_REFUSE_SECONDS = 120;
/** ...and only briefly when work is waiting that this offer could not take. */
const BUSY_REFUSE_SECONDS = 1;

function demandsOf(core: MarathonCore): LaunchDemand[] {
  return core.apps
    .all()
    .filter((app) => core.delays.remainingMs(app) === 0)
    .map((app) => ({
      app,
      count: core.launchNeed(app),
      placed: core.tasks
        .ofApp(app.id)
        .filter((t) => !t.killRequested)
        .map((t) => t.placement),
    }))
    .filter((d) => d.count > 0);
}

/** Launches what fits on the offers and declines the rest; suppresses offers once idle. */
export async function handleOffers(core: MarathonCore, offers: readonly Offer[]): Promise<void> {
  const driver = core.driver;
  if (!driver) return;
  for (const offer of offers) {
    const demands = demandsOf(core);
    const outcome = useOffer(offer, demands);
    for (const { appId, reason, resources } of outcome.rejections)
      core.offerStats.unused(appId, reason, offer, resources);
    for (const appId of new Set(outcome.records.map((r) => r.appId))) core.offerStats.used(appId);
    if (outcome.tasks.length === 0) {
      const refuse_seconds = core.hasWork() ? BUSY_REFUSE_SECONDS : IDLE_REFUSE_SECONDS;
      await driver.decline(offer, { refuse_seconds }).catch(debugFailure(core.options.logger, "decline"));
      continue;
    }
    for (const record of outcome.records) {
      core.tasks.put(record);
      const app = core.apps.get(record.appId);
      if (app)
        core.events.publish("instance_changed_event", {
          instanceId: record.id,
          condition: "Staging",
          runSpecId: app.id,
          agentId: record.agentId,
          host: record.host,
          runSpecVersion: app.version,
        });
    }
    core.changed();
    await driver.launch(offer, outcome.tasks).catch((error: unknown) => {
      core.options.logger.warn({ err: error }, "launch failed");
      for (const record of outcome.records) core.tasks.remove(record.id);
    });
  }
  core.suppressIfIdle();
}
