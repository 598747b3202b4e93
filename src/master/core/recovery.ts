import type { AgentLinkCall } from "../../mesos/agent-link-protocol.js";
import type { MasterContext } from "../context.js";
import { frameworkView } from "../operator-api/views.js";
import type { RegistryState } from "../registry/registry-state.js";
import { FrameworkRecord } from "../state/framework-record.js";
import { sendToAgent } from "./agent-messages.js";
import { allocatorFramework, startFailoverTimer } from "./frameworks.js";

type Registration = NonNullable<AgentLinkCall["register"]>;

/**
 * A restarted master takes its agents from the registry: they count as recovered until they re-register,
 * and those still away after `--agent_reregister_timeout` are marked unreachable, as Mesos does.
 */
export function recoverRegistry(ctx: MasterContext, registry: RegistryState): NodeJS.Timeout | undefined {
  ctx.agents.restore(registry);
  if (ctx.agents.recovered.size === 0) return undefined;
  ctx.logger.info(
    { agents: ctx.agents.recovered.size, timeoutMs: ctx.options.agentReregisterTimeoutMs },
    "recovered agents from the registry; waiting for them to re-register",
  );
  const timer = setTimeout(() => {
    const time = Date.now() / 1000;
    for (const [id, info] of [...ctx.agents.recovered]) {
      ctx.logger.warn({ agentId: id }, "agent did not re-register in time; marking it unreachable");
      ctx.agents.markUnreachable(id, { info, time });
      ctx.counters.slaveUnreachableCompleted++;
    }
  }, ctx.options.agentReregisterTimeoutMs);
  timer.unref();
  return timer;
}

/**
 * A re-registering agent reports the frameworks of the tasks it runs. Those the master does not know (it
 * restarted) are added back, disconnected, until they subscribe again within their failover_timeout; the
 * executors it reports are booked under them. Frameworks that were removed are shut down on the agent.
 */
export function recoverAgentFrameworks(ctx: MasterContext, agentId: string, reg: Registration): void {
  for (const info of reg.frameworks ?? []) {
    const id = info.id?.value;
    if (id === undefined || ctx.frameworks.get(id)) continue;
    if (ctx.frameworks.wasRemoved(id)) continue;
    const framework = new FrameworkRecord({ ...info, id: { value: id } }, Date.now() / 1000, {
      completedTasks: ctx.options.maxCompletedTasksPerFramework,
      unreachableTasks: ctx.options.maxUnreachableTasksPerFramework,
    });
    framework.recovered = true;
    ctx.frameworks.add(framework);
    ctx.allocator.addFramework(allocatorFramework(framework));
    ctx.allocator.setFrameworkActive(id, false);
    startFailoverTimer(ctx, framework);
    ctx.logger.info({ frameworkId: id, agentId }, "recovered a framework from a re-registering agent");
    ctx.operatorEvents.emit(() => ({
      type: "FRAMEWORK_ADDED",
      framework_added: { framework: frameworkView(ctx, framework) },
    }));
  }
  for (const executor of reg.executors ?? []) {
    const framework = ctx.frameworks.get(executor.framework_id.value);
    framework?.executorsOn(agentId).set(executor.executor_id.value, executor);
  }
}

/** After REGISTERED: frameworks the master removed are shut down on the agent that still runs them. */
export function shutDownRemovedFrameworks(ctx: MasterContext, agentId: string, reg: Registration): void {
  for (const info of reg.frameworks ?? []) {
    const id = info.id?.value;
    if (id !== undefined && ctx.frameworks.wasRemoved(id))
      sendToAgent(ctx, agentId, {
        type: "SHUTDOWN_FRAMEWORK",
        shutdown_framework: { framework_id: { value: id } },
      });
  }
}
