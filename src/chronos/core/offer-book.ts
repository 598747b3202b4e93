import type { Offer } from "../../mesos/offer.js";

/** Offers Chronos holds for a moment because a job is due within the hold window. */
export class OfferBook {
  private readonly offers = new Map<string, Offer>();

  add(offers: readonly Offer[]): void {
    for (const offer of offers) this.offers.set(offer.id.value, offer);
  }

  rescind(offerId: string): void {
    this.offers.delete(offerId);
  }

  /** Takes every held offer out of the book. */
  takeAll(): Offer[] {
    const all = [...this.offers.values()];
    this.offers.clear();
    return all;
  }

  get size(): number {
    return this.offers.size;
  }
}
