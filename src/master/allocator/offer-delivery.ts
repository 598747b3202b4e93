import type { AllocatedOffer } from "./allocator.js";

/**
 * Hands every offer to the master, even when a callback throws: the bookkeeping already counts them all as
 * offered, so stopping half way would strand resources. Each failure is reported to `onError`.
 */
export function deliverOffers(
  offers: readonly AllocatedOffer[],
  onOffer: (offer: AllocatedOffer) => void,
  onError: (error: unknown) => void,
): void {
  for (const offer of offers) {
    try {
      onOffer(offer);
    } catch (error) {
      onError(error);
    }
  }
}
