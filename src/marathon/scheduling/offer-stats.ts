import type { Offer } from "../../mesos/offer.js";
import type { Resource } from "../../mesos/resource.js";
import { isoTime } from "../model/timestamp.js";
import { unusedOfferJson, type UnusedOfferJson } from "./unused-offer-json.js";

/** How many of an app's most recent unused offers `/v2/queue?embed=lastUnusedOffers` shows. */
const LAST_UNUSED_OFFERS = 10;

interface AppOfferStats {
  processed: number;
  unused: number;
  lastUnusedOfferAt?: string;
  lastUsedOfferAt?: string;
  reasons: Map<string, number>;
  lastUnused: UnusedOfferJson[];
}

/** Per app, what the offers it waited for did: the queue's `processedOffersSummary`. */
export class OfferStats {
  private readonly apps = new Map<string, AppOfferStats>();

  private of(appId: string): AppOfferStats {
    const stats = this.apps.get(appId) ?? {
      processed: 0,
      unused: 0,
      reasons: new Map<string, number>(),
      lastUnused: [],
    };
    this.apps.set(appId, stats);
    return stats;
  }

  used(appId: string): void {
    const stats = this.of(appId);
    stats.processed++;
    stats.lastUsedOfferAt = isoTime();
  }

  /** The app could not use `offer`, of which `resources` were left when its turn came. */
  unused(appId: string, reason: string, offer: Offer, resources: readonly Resource[]): void {
    const stats = this.of(appId);
    const now = isoTime();
    stats.processed++;
    stats.unused++;
    stats.lastUnusedOfferAt = now;
    stats.reasons.set(reason, (stats.reasons.get(reason) ?? 0) + 1);
    stats.lastUnused.push(unusedOfferJson(offer, resources, [reason], now));
    if (stats.lastUnused.length > LAST_UNUSED_OFFERS) stats.lastUnused.shift();
  }

  /** The app's most recent unused offers, oldest first. */
  lastUnusedOffers(appId: string): UnusedOfferJson[] {
    return [...(this.apps.get(appId)?.lastUnused ?? [])];
  }

  forget(appId: string): void {
    this.apps.delete(appId);
  }

  summary(appId: string): Record<string, unknown> {
    const stats = this.of(appId);
    const rejects = [...stats.reasons].map(([reason, declined]) => ({
      reason,
      declined,
      processed: stats.processed,
    }));
    return {
      processedOffersCount: stats.processed,
      unusedOffersCount: stats.unused,
      ...(stats.lastUnusedOfferAt ? { lastUnusedOfferAt: stats.lastUnusedOfferAt } : {}),
      ...(stats.lastUsedOfferAt ? { lastUsedOfferAt: stats.lastUsedOfferAt } : {}),
      rejectSummaryLastOffers: rejects,
      rejectSummaryLaunchAttempt: rejects,
    };
  }
}
