import { isoTime } from "../model/timestamp.js";

interface AppOfferStats {
  processed: number;
  unused: number;
  lastUnusedOfferAt?: string;
  lastUsedOfferAt?: string;
  reasons: Map<string, number>;
}

/** Per app, what the offers it waited for did: the queue's `processedOffersSummary`. */
export class OfferStats {
  private readonly apps = new Map<string, AppOfferStats>();

  private of(appId: string): AppOfferStats {
    const stats = this.apps.get(appId) ?? { processed: 0, unused: 0, reasons: new Map<string, number>() };
    this.apps.set(appId, stats);
    return stats;
  }

  used(appId: string): void {
    const stats = this.of(appId);
    stats.processed++;
    stats.lastUsedOfferAt = isoTime();
  }

  unused(appId: string, reason: string): void {
    const stats = this.of(appId);
    stats.processed++;
    stats.unused++;
    stats.lastUnusedOfferAt = isoTime();
    stats.reasons.set(reason, (stats.reasons.get(reason) ?? 0) + 1);
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
