import type { MasterContext } from "../context.js";
import type { AgentRecord } from "../state/agent-record.js";
import type { FrameworkRecord } from "../state/framework-record.js";
import { agentOffered, agentUsed, frameworkOffered, frameworkUsed } from "../state/usage.js";

const nanos = (seconds: number) => ({ nanoseconds: Math.round(seconds * 1e9) });

/** GetFrameworks.Framework */
export function frameworkView(ctx: MasterContext, framework: FrameworkRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    framework_info: framework.info,
    active: framework.active,
    connected: framework.connected,
    recovered: framework.recovered,
    registered_time: nanos(framework.registeredTime),
  };
  if (framework.reregisteredTime !== undefined) view.reregistered_time = nanos(framework.reregisteredTime);
  if (framework.unregisteredTime !== undefined) view.unregistered_time = nanos(framework.unregisteredTime);
  view.offers = ctx.offers.forFramework(framework.id).map((o) => o.offer);
  view.inverse_offers = [];
  view.allocated_resources = frameworkUsed(framework);
  view.offered_resources = frameworkOffered(ctx, framework);
  if (framework.offerConstraints !== undefined) view.offer_constraints = framework.offerConstraints;
  return view;
}

/** GetAgents.Agent */
export function agentView(ctx: MasterContext, agent: AgentRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    agent_info: agent.info,
    active: agent.active,
    deactivated: false,
    version: agent.version,
    pid: agent.pid,
    registered_time: nanos(agent.registeredTime),
  };
  if (agent.reregisteredTime !== undefined) view.reregistered_time = nanos(agent.reregisteredTime);
  view.total_resources = agent.total;
  view.allocated_resources = agentUsed(ctx, agent.id);
  view.offered_resources = agentOffered(ctx, agent.id);
  view.capabilities = agent.capabilities;
  view.resource_providers = [];
  return view;
}

export const getFrameworks = (ctx: MasterContext) => ({
  frameworks: ctx.frameworks.all().map((f) => frameworkView(ctx, f)),
  completed_frameworks: ctx.frameworks.completed.values().map((f) => frameworkView(ctx, f)),
});

export const getAgents = (ctx: MasterContext) => ({
  agents: ctx.agents.all().map((a) => agentView(ctx, a)),
  recovered_agents: [...ctx.agents.recovered.values()],
});

export const getTasks = (ctx: MasterContext) => {
  const all = [...ctx.frameworks.all(), ...ctx.frameworks.completed.values()];
  return {
    tasks: ctx.frameworks.all().flatMap((f) => [...f.tasks.values()]),
    unreachable_tasks: all.flatMap((f) => [...f.unreachableTasks.values()]),
    completed_tasks: all.flatMap((f) => [...f.completedTasks.values()]),
  };
};

export const getExecutors = (ctx: MasterContext) => ({
  executors: ctx.frameworks
    .all()
    .flatMap((f) =>
      [...f.executors.entries()].flatMap(([agentId, map]) =>
        [...map.values()].map((executor_info) => ({ executor_info, agent_id: { value: agentId } })),
      ),
    ),
});

export const getState = (ctx: MasterContext) => ({
  get_tasks: getTasks(ctx),
  get_executors: getExecutors(ctx),
  get_frameworks: getFrameworks(ctx),
  get_agents: getAgents(ctx),
});
