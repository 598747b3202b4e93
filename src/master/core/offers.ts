import type { AllocatedOffer } from "../allocator/allocator.js";
import type { Offer } from "../../mesos/offer.js";
import { unallocate } from "../../mesos/resources.js";
import type { MasterContext } from "../context.js";
import type { AgentRecord } from "../state/agent-record.js";
import type { FrameworkRecord } from "../state/framework-record.js";
import type { OfferRecord } from "../state/offers.js";

export function agentUrl(agent: AgentRecord): NonNullable<Offer["url"]> {
  const address = agent.pid.split("@")[1] ?? "";
  const ip = address.split(":")[0] || agent.info.hostname;
  return {
    scheme: "http",
    address: { hostname: agent.info.hostname, ip, port: agent.info.port ?? 5051 },
    path: "/slave(1)",
  };
}

function buildOffer(
  id: string,
  framework: FrameworkRecord,
  agent: AgentRecord,
  allocated: AllocatedOffer,
): Offer {
  const offer: Offer = {
    id: { value: id },
    framework_id: { value: framework.id },
    agent_id: { value: agent.id },
    hostname: agent.info.hostname,
    url: agentUrl(agent),
    resources: framework.multiRole ? allocated.resources : unallocate(allocated.resources),
  };
  if (framework.multiRole) offer.allocation_info = { role: allocated.role };
  if (agent.info.attributes?.length) offer.attributes = agent.info.attributes;
  const executorIds = [...framework.executorsOn(agent.id).keys()];
  if (executorIds.length) offer.executor_ids = executorIds.map((value) => ({ value }));
  if (agent.info.domain) offer.domain = agent.info.domain;
  return offer;
}

/** The allocator's onOffer: turns an allocation into an Offer and sends it at once. */
export function makeOffer(ctx: MasterContext, allocated: AllocatedOffer): void {
  const framework = ctx.frameworks.get(allocated.frameworkId);
  const agent = ctx.agents.get(allocated.agentId);
  if (ctx.stopping || !framework?.connected || !framework.active || !agent?.active) {
    if (!ctx.stopping)
      ctx.allocator.recoverResources(allocated.frameworkId, allocated.agentId, allocated.resources, 0);
    return;
  }
  const offer = buildOffer(ctx.ids.nextOfferId(), framework, agent, allocated);
  const record: OfferRecord = {
    offer,
    frameworkId: framework.id,
    agentId: agent.id,
    role: allocated.role,
    resources: allocated.resources,
    timeout: undefined,
  };
  if (ctx.options.offerTimeoutMs !== undefined)
    record.timeout = setTimeout(() => rescindOffer(ctx, offer.id.value), ctx.options.offerTimeoutMs);
  ctx.offers.add(record);
  framework.offerIds.add(offer.id.value);
  framework.connection?.stream.send({ type: "OFFERS", offers: { offers: [offer] } });
}

/** Removes an offer without telling the framework; its resources go back with an optional refuse filter. */
export function removeOffer(
  ctx: MasterContext,
  offerId: string,
  refuseSeconds?: number,
): OfferRecord | undefined {
  const record = ctx.offers.take(offerId);
  if (!record) return undefined;
  ctx.frameworks.get(record.frameworkId)?.offerIds.delete(offerId);
  if (refuseSeconds !== undefined && ctx.agents.get(record.agentId))
    ctx.allocator.recoverResources(record.frameworkId, record.agentId, record.resources, refuseSeconds);
  return record;
}

/** Withdraws an offer with a RESCIND event; the resources go back without a filter. */
export function rescindOffer(ctx: MasterContext, offerId: string): void {
  const record = removeOffer(ctx, offerId, 0);
  if (!record) return;
  ctx.frameworks
    .get(record.frameworkId)
    ?.connection?.stream.send({ type: "RESCIND", rescind: { offer_id: record.offer.id } });
}

export const rescindOffersOfAgent = (ctx: MasterContext, agentId: string): void =>
  ctx.offers.forAgent(agentId).forEach((o) => rescindOffer(ctx, o.offer.id.value));

export const rescindOffersOfFramework = (ctx: MasterContext, frameworkId: string): void =>
  ctx.offers.forFramework(frameworkId).forEach((o) => rescindOffer(ctx, o.offer.id.value));
