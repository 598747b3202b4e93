import type { Attribute } from "../../mesos/attributes.js";
import type { Offer } from "../../mesos/offer.js";
import { reservationRole, type Resource } from "../../mesos/resource.js";

/** One entry of a queue item's `lastUnusedOffers` (GET /v2/queue?embed=lastUnusedOffers). */
export interface UnusedOfferJson {
  offer: {
    id: string;
    hostname: string;
    agentId: string;
    resources: Array<Record<string, unknown>>;
    attributes: Array<Record<string, unknown>>;
  };
  reason: string[];
  timestamp: string;
}

function valueOf(v: Resource | Attribute): Record<string, unknown> {
  if (v.type === "SCALAR") return { scalar: v.scalar?.value ?? 0 };
  if (v.type === "RANGES")
    return { ranges: (v.ranges?.range ?? []).map((r) => ({ begin: r.begin, end: r.end })) };
  if (v.type === "SET") return { set: v.set?.item ?? [] };
  return "text" in v ? { text: v.text?.value ?? "" } : {};
}

/**
 * Marathon's view of an offer an app could not use: the offer as the app saw it (`resources` is what was left of it
 * when the app's turn came), why the app passed, and when.
 */
export function unusedOfferJson(
  offer: Offer,
  resources: readonly Resource[],
  reason: string[],
  timestamp: string,
): UnusedOfferJson {
  return {
    offer: {
      id: offer.id.value,
      hostname: offer.hostname,
      agentId: offer.agent_id.value,
      resources: resources.map((r) => ({ name: r.name, role: reservationRole(r), ...valueOf(r) })),
      attributes: (offer.attributes ?? []).map((a) => ({ name: a.name, ...valueOf(a) })),
    },
    reason,
    timestamp,
  };
}
