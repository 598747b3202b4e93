import type { ID } from "../../mesos/ids.js";
import type { MasterContext } from "../context.js";
import type { FrameworkRecord } from "../state/framework-record.js";

/** Mesos's offer checks for ACCEPT: each offer exists, belongs to this framework, appears once, all on one agent. */
export function invalidOffersReason(
  ctx: MasterContext,
  framework: FrameworkRecord,
  offerIds: readonly ID[],
): string | undefined {
  const seen = new Set<string>();
  let agentId: string | undefined;
  for (const { value } of offerIds) {
    if (seen.has(value)) return `Duplicate offer ${value} in offer list`;
    seen.add(value);
    const record = ctx.offers.get(value);
    if (!record) return `Offer ${value} is no longer valid`;
    if (record.frameworkId !== framework.id)
      return `Offer ${value} has invalid framework ${record.frameworkId} while framework ${framework.id} is expected`;
    if (agentId !== undefined && record.agentId !== agentId)
      return `Aggregated offers must belong to one single agent. Offer ${value} uses agent ${record.agentId} and agent ${agentId}`;
    agentId = record.agentId;
    if (!ctx.agents.get(record.agentId)?.active)
      return `Offer ${value} uses agent ${record.agentId} which is not active`;
  }
  return undefined;
}
