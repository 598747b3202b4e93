import { sendToAgent } from "../core/agent-messages.js";
import { allocatorFramework, removeFramework } from "../core/frameworks.js";
import { rescindOffer } from "../core/offers.js";
import { frameworkView } from "../operator-api/views.js";
import { ACCEPTED, type CallHandler } from "./call-result.js";
import { frameworkInfoProblem } from "./framework-info-check.js";

export const teardown: CallHandler = (ctx, framework) => {
  ctx.counters.count("unregister_framework");
  removeFramework(ctx, framework);
  return ACCEPTED;
};

/** UPDATE_FRAMEWORK: synchronous (200); user, principal and checkpoint cannot change. */
export const updateFramework: CallHandler = (ctx, framework, call) => {
  const update = call.update_framework!;
  const info = structuredClone(update.framework_info);
  const old = framework.info;
  if (info.user !== old.user) return { status: 400, body: "Updating 'FrameworkInfo.user' is unsupported" };
  if ((info.principal ?? "") !== (old.principal ?? ""))
    return { status: 400, body: "Changing framework's principal is not allowed" };
  if ((info.checkpoint ?? false) !== (old.checkpoint ?? false))
    return { status: 400, body: "Updating 'FrameworkInfo.checkpoint' is unsupported" };
  const problem = frameworkInfoProblem(info, update.suppressed_roles);
  if (problem) return { status: 400, body: problem };
  if (info.failover_timeout !== undefined) info.failover_timeout = Number(info.failover_timeout);
  framework.info = { ...info, id: old.id };
  framework.suppressedRoles = new Set(update.suppressed_roles ?? []);
  if (update.offer_constraints !== undefined) framework.offerConstraints = update.offer_constraints;
  const roles = new Set(framework.roles);
  for (const offer of ctx.offers.forFramework(framework.id))
    if (!roles.has(offer.role)) rescindOffer(ctx, offer.offer.id.value);
  ctx.allocator.updateFramework(allocatorFramework(framework));
  for (const agent of ctx.agents.all())
    sendToAgent(ctx, agent.id, {
      type: "UPDATE_FRAMEWORK",
      update_framework: { framework_info: framework.info },
    });
  ctx.operatorEvents.emit(() => ({
    type: "FRAMEWORK_UPDATED",
    framework_updated: { framework: frameworkView(ctx, framework) },
  }));
  return { ...ACCEPTED, status: 200 };
};
