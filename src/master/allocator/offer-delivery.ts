import type { AllocatedOffer } from "./allocator.js";

/**
 * Hands every offer to the master, even when a callback throws: the bookkeeping already counts them all as
 * offered, so stopping half way would strand resources. The first failure is rethrown afterwards.
 */
export function deliverOffers(
  offers: readonly AllocatedOffer[],
  onOffer: (offer: AllocatedOffer) => void,
): void {
  const failures: unknown[] = [];
  for (const offer of offers) {
    try {
      onOffer(offer);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, "onOffer failed");
}
