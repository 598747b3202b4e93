import { acceptOffers, refuseSecondsOf } from "../core/accept.js";
import { removeOffer } from "../core/offers.js";
import { ACCEPTED, type CallHandler } from "./call-result.js";

export const accept: CallHandler = (ctx, framework, call) => {
  ctx.counters.count("accept_offers");
  acceptOffers(ctx, framework, call.accept ?? {});
  return ACCEPTED;
};

export const decline: CallHandler = (ctx, framework, call) => {
  ctx.counters.count("decline_offers");
  const refuse = refuseSecondsOf(call.decline?.filters);
  for (const { value } of call.decline?.offer_ids ?? [])
    if (ctx.offers.get(value)?.frameworkId === framework.id) removeOffer(ctx, value, refuse);
  return ACCEPTED;
};

export const revive: CallHandler = (ctx, framework, call) => {
  ctx.counters.count("revive_offers");
  const roles = call.revive?.roles ?? [];
  if (roles.length === 0) framework.suppressedRoles.clear();
  else roles.forEach((r) => framework.suppressedRoles.delete(r));
  ctx.allocator.revive(framework.id, roles.length ? roles : undefined);
  return ACCEPTED;
};

export const suppress: CallHandler = (ctx, framework, call) => {
  ctx.counters.count("suppress_offers");
  const roles = call.suppress?.roles ?? [];
  (roles.length ? roles : framework.roles).forEach((r) => framework.suppressedRoles.add(r));
  ctx.allocator.suppress(framework.id, roles.length ? roles : undefined);
  return ACCEPTED;
};

/**
 * REQUEST (Mesos's allocator ignores it too), inverse-offer answers (this master makes no inverse offers, so
 * every id is one Mesos would ignore as no longer valid) and operation acknowledgements (no operation here
 * sends feedback): accepted and counted, as Mesos does for ids it does not know.
 */
export const acceptedAndIgnored: CallHandler = (ctx, _framework, call) => {
  ctx.counters.count(call.type.toLowerCase());
  return ACCEPTED;
};
