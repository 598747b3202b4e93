import { randomUUID } from "node:crypto";
import type { FastifyReply } from "fastify";
import { RecordIOStream } from "../../common/http-server.js";
import type { SchedulerCall } from "../../mesos/scheduler-protocol.js";
import type { MasterContext } from "../context.js";
import { allocatorFramework, attachConnection, detachConnection } from "../core/frameworks.js";
import { rescindOffersOfFramework } from "../core/offers.js";
import { frameworkView } from "../operator-api/views.js";
import { FrameworkRecord } from "../state/framework-record.js";
import { frameworkInfoProblem } from "./framework-info-check.js";

function refuse(reply: FastifyReply, message: string): void {
  const stream = RecordIOStream.open(reply);
  stream.send({ type: "ERROR", error: { message } });
  stream.close();
}

/** SUBSCRIBE: a new framework, a re-subscription (failover) or a refusal as 200 + ERROR. */
export function handleSubscribe(ctx: MasterContext, call: SchedulerCall, reply: FastifyReply): void {
  const subscribe = call.subscribe as NonNullable<SchedulerCall["subscribe"]>;
  const info = structuredClone(subscribe.framework_info);
  if (info.failover_timeout !== undefined) info.failover_timeout = Number(info.failover_timeout);
  const problem = frameworkInfoProblem(info, subscribe.suppressed_roles);
  if (problem) return refuse(reply, problem);
  const requestedId = info.id?.value;
  if (requestedId !== undefined && ctx.frameworks.wasRemoved(requestedId))
    return refuse(reply, "Framework has been removed");
  ctx.counters.count(requestedId === undefined ? "register_framework" : "reregister_framework");
  const streamId = randomUUID();
  const existing = requestedId === undefined ? undefined : ctx.frameworks.get(requestedId);
  if (existing) {
    detachConnection(existing, "Framework failed over");
    existing.info = {
      ...info,
      user: existing.info.user,
      checkpoint: existing.info.checkpoint,
      id: existing.info.id,
    };
    existing.reregisteredTime = Date.now() / 1000;
    existing.suppressedRoles = new Set(subscribe.suppressed_roles ?? []);
    existing.offerConstraints = subscribe.offer_constraints;
    attachConnection(ctx, existing, RecordIOStream.open(reply, { "Mesos-Stream-Id": streamId }), streamId);
    rescindOffersOfFramework(ctx, existing.id);
    ctx.allocator.updateFramework(allocatorFramework(existing));
    ctx.allocator.setFrameworkActive(existing.id, true);
    ctx.operatorEvents.emit(() => ({
      type: "FRAMEWORK_UPDATED",
      framework_updated: { framework: frameworkView(ctx, existing) },
    }));
    return;
  }
  const id = requestedId ?? ctx.ids.nextFrameworkId();
  const framework = new FrameworkRecord({ ...info, id: { value: id } }, Date.now() / 1000, {
    completedTasks: ctx.options.maxCompletedTasksPerFramework,
    unreachableTasks: ctx.options.maxUnreachableTasksPerFramework,
  });
  framework.suppressedRoles = new Set(subscribe.suppressed_roles ?? []);
  framework.offerConstraints = subscribe.offer_constraints;
  ctx.frameworks.add(framework);
  attachConnection(ctx, framework, RecordIOStream.open(reply, { "Mesos-Stream-Id": streamId }), streamId);
  ctx.allocator.addFramework(allocatorFramework(framework));
  ctx.operatorEvents.emit(() => ({
    type: "FRAMEWORK_ADDED",
    framework_added: { framework: frameworkView(ctx, framework) },
  }));
}
