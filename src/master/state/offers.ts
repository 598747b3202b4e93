import type { Offer } from "../../mesos/offer.js";
import type { Resource } from "../../mesos/resource.js";

export interface OfferRecord {
  offer: Offer;
  frameworkId: string;
  agentId: string;
  role: string;
  /** As allocated: every resource carries allocation_info.role. */
  resources: Resource[];
  timeout: NodeJS.Timeout | undefined;
}

/** Outstanding offers by id. */
export class OfferRegistry {
  private readonly offers = new Map<string, OfferRecord>();

  add(record: OfferRecord): void {
    this.offers.set(record.offer.id.value, record);
  }

  get(id: string): OfferRecord | undefined {
    return this.offers.get(id);
  }

  take(id: string): OfferRecord | undefined {
    const record = this.offers.get(id);
    if (record) {
      this.offers.delete(id);
      if (record.timeout) clearTimeout(record.timeout);
    }
    return record;
  }

  all(): OfferRecord[] {
    return [...this.offers.values()];
  }

  forAgent(agentId: string): OfferRecord[] {
    return this.all().filter((o) => o.agentId === agentId);
  }

  forFramework(frameworkId: string): OfferRecord[] {
    return this.all().filter((o) => o.frameworkId === frameworkId);
  }

  get size(): number {
    return this.offers.size;
  }
}
