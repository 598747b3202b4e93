import type { Resource } from "../../../mesos/resource.js";
import { parseResourcesFlag } from "../../../mesos/resource-text.js";
import { scalarOf } from "../../../mesos/resources.js";
import type { AllocatedOffer, Allocator, AllocatorOptions } from "../allocator.js";
import { createDrfAllocator } from "../drf-allocator.js";

/** An allocator that records its offers, with shorthands for the tests of this folder. */
export interface AllocatorHarness {
  allocator: Allocator;
  /** Offers made so far and not yet taken. */
  offers: AllocatedOffer[];
  /** Removes and returns the offers made so far. */
  take(): AllocatedOffer[];
  addAgent(
    agentId: string,
    resources: string,
    used?: Array<{ frameworkId: string; resources: Resource[] }>,
  ): void;
  addFramework(frameworkId: string, roles?: string[], suppressedRoles?: string[]): void;
  /** Gives an offer back, like DECLINE with `refuse_seconds` (no filter when absent). */
  decline(offer: AllocatedOffer, refuseSeconds?: number): void;
}

export function allocatorHarness(options: Partial<AllocatorOptions> = {}): AllocatorHarness {
  const offers: AllocatedOffer[] = [];
  const allocator = createDrfAllocator({
    allocationIntervalMs: 5,
    onOffer: (offer) => offers.push(offer),
    ...options,
  });
  return {
    allocator,
    offers,
    take: () => offers.splice(0),
    addAgent: (agentId, text, used) =>
      allocator.addAgent({
        agentId,
        hostname: `${agentId}.local`,
        total: parseResourcesFlag(text),
        attributes: [],
        used,
      }),
    addFramework: (frameworkId, roles = ["*"], suppressedRoles) =>
      allocator.addFramework({ frameworkId, roles, suppressedRoles }),
    decline: (offer, refuseSeconds) =>
      allocator.recoverResources(offer.frameworkId, offer.agentId, offer.resources, refuseSeconds),
  };
}

export const resources = (text: string): Resource[] => parseResourcesFlag(text);

export const cpusOf = (offer: AllocatedOffer | undefined): number => scalarOf(offer?.resources ?? [], "cpus");

/** `framework@agent` per offer, in order: easy to compare. */
export const placements = (offers: readonly AllocatedOffer[]): string[] =>
  offers.map((o) => `${o.frameworkId}@${o.agentId}`);
