import { randomUUID } from "node:crypto";
import { LongTimer } from "../../common/long-timer.js";
import type { RecordIOStream } from "../../common/http-server.js";
import { isTerminalState } from "../../mesos/task-state.js";
import type { MasterContext } from "../context.js";
import { frameworkView } from "../operator-api/views.js";
import type { FrameworkRecord } from "../state/framework-record.js";
import { sendToAgent } from "./agent-messages.js";
import { removeOffer, rescindOffersOfFramework } from "./offers.js";
import { masterStatus } from "./status.js";
import { completeTask, recordTaskStatus } from "./tasks.js";

const nowSeconds = () => Date.now() / 1000;

export const allocatorFramework = (framework: FrameworkRecord) => ({
  frameworkId: framework.id,
  roles: framework.roles,
  suppressedRoles: [...framework.suppressedRoles],
});

/** Attaches a fresh subscription stream: SUBSCRIBED first, then heartbeats. Returns the stream id. */
export function attachConnection(
  ctx: MasterContext,
  framework: FrameworkRecord,
  stream: RecordIOStream,
  streamId: string = randomUUID(),
): string {
  const heartbeatMs = ctx.options.heartbeatIntervalSeconds * 1000;
  const heartbeat = setInterval(() => stream.send({ type: "HEARTBEAT" }), heartbeatMs);
  framework.connection = { stream, streamId, heartbeat };
  framework.active = true;
  framework.failoverTimer?.cancel();
  framework.failoverTimer = undefined;
  framework.recovered = false;
  stream.send({
    type: "SUBSCRIBED",
    subscribed: {
      framework_id: framework.info.id,
      heartbeat_interval_seconds: ctx.options.heartbeatIntervalSeconds,
      master_info: ctx.info,
    },
  });
  stream.onClose(() => {
    clearInterval(heartbeat);
    if (framework.connection?.stream === stream) disconnectFramework(ctx, framework);
  });
  return streamId;
}

/** Ends a subscription on the master's side (failover or removal) without treating it as a disconnect. */
export function detachConnection(framework: FrameworkRecord, error?: string): void {
  const connection = framework.connection;
  if (!connection) return;
  framework.connection = undefined;
  clearInterval(connection.heartbeat);
  if (error) connection.stream.send({ type: "ERROR", error: { message: error } });
  connection.stream.close();
}

/** The subscription broke: no offers, and the framework is removed after its failover_timeout. */
export function disconnectFramework(ctx: MasterContext, framework: FrameworkRecord): void {
  if (ctx.stopping || !ctx.frameworks.get(framework.id)) return;
  detachConnection(framework);
  framework.active = false;
  ctx.allocator.setFrameworkActive(framework.id, false);
  for (const offer of ctx.offers.forFramework(framework.id)) removeOffer(ctx, offer.offer.id.value, 0);
  startFailoverTimer(ctx, framework);
  ctx.operatorEvents.emit(() => ({
    type: "FRAMEWORK_UPDATED",
    framework_updated: { framework: frameworkView(ctx, framework) },
  }));
}

/** The framework is removed unless it subscribes again within its failover_timeout. */
export function startFailoverTimer(ctx: MasterContext, framework: FrameworkRecord): void {
  framework.failoverTimer?.cancel();
  const timeoutMs = Math.max(0, (framework.info.failover_timeout ?? 0) * 1000);
  framework.failoverTimer = new LongTimer(timeoutMs, () => removeFramework(ctx, framework));
}

/** TEARDOWN or failover timeout: kill its tasks on the agents, drop its offers, move it to completed. */
export function removeFramework(ctx: MasterContext, framework: FrameworkRecord): void {
  if (!ctx.frameworks.get(framework.id)) return;
  framework.failoverTimer?.cancel();
  framework.failoverTimer = undefined;
  rescindOffersOfFramework(ctx, framework.id);
  detachConnection(framework);
  framework.active = false;
  const agentIds = new Set([...framework.tasks.values()].map((t) => t.agent_id.value));
  for (const agentId of framework.executors.keys()) agentIds.add(agentId);
  for (const agentId of agentIds)
    sendToAgent(ctx, agentId, {
      type: "SHUTDOWN_FRAMEWORK",
      shutdown_framework: { framework_id: framework.info.id },
    });
  for (const task of [...framework.tasks.values()]) {
    if (!isTerminalState(task.state))
      recordTaskStatus(
        ctx,
        task,
        masterStatus(task, "TASK_KILLED", "REASON_FRAMEWORK_REMOVED", "Framework removed"),
      );
    completeTask(framework, task);
  }
  framework.executors.clear();
  ctx.allocator.removeFramework(framework.id);
  framework.unregisteredTime = nowSeconds();
  ctx.frameworks.complete(framework);
  ctx.operatorEvents.emit(() => ({
    type: "FRAMEWORK_REMOVED",
    framework_removed: { framework_info: framework.info },
  }));
}
