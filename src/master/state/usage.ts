import type { Resource } from "../../mesos/resource.js";
import { addResources } from "../../mesos/resources.js";
import { isTerminalState } from "../../mesos/task-state.js";
import type { MasterContext } from "../context.js";
import type { FrameworkRecord } from "./framework-record.js";

/** Resources held by a framework's live tasks and executors, optionally on one agent only. */
export function frameworkUsed(framework: FrameworkRecord, agentId?: string): Resource[] {
  const tasks = [...framework.tasks.values()].filter(
    (t) =>
      !isTerminalState(t.state) &&
      t.state !== "TASK_UNREACHABLE" &&
      (!agentId || t.agent_id.value === agentId),
  );
  const executors = [...framework.executors.entries()]
    .filter(([id]) => !agentId || id === agentId)
    .flatMap(([, map]) => [...map.values()]);
  return addResources(
    tasks.flatMap((t) => t.resources),
    executors.flatMap((e) => e.resources ?? []),
  );
}

export const frameworkOffered = (ctx: MasterContext, framework: FrameworkRecord): Resource[] =>
  addResources(ctx.offers.forFramework(framework.id).flatMap((o) => o.resources));

export const agentUsed = (ctx: MasterContext, agentId: string): Resource[] =>
  addResources(ctx.frameworks.all().flatMap((f) => frameworkUsed(f, agentId)));

export const agentOffered = (ctx: MasterContext, agentId: string): Resource[] =>
  addResources(ctx.offers.forAgent(agentId).flatMap((o) => o.resources));
