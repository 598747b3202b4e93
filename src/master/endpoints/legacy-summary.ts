import type { Task } from "../../mesos/task.js";
import type { MasterContext } from "../context.js";
import { legacyAgent } from "./legacy-agent.js";
import { legacyFramework } from "./legacy-framework.js";

const COUNTED = [
  "TASK_STAGING",
  "TASK_STARTING",
  "TASK_RUNNING",
  "TASK_KILLING",
  "TASK_FINISHED",
  "TASK_KILLED",
  "TASK_FAILED",
  "TASK_LOST",
  "TASK_ERROR",
  "TASK_UNREACHABLE",
] as const;

function counts(tasks: readonly Task[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const state of COUNTED) out[state] = tasks.filter((t) => t.state === state).length;
  return out;
}

const SUMMARY_FIELDS = [
  "id",
  "name",
  "pid",
  "used_resources",
  "offered_resources",
  "capabilities",
  "hostname",
  "webui_url",
  "active",
  "connected",
  "recovered",
];

/** `/master/state-summary` */
export function legacyStateSummary(ctx: MasterContext): Record<string, unknown> {
  const frameworks = ctx.frameworks.all();
  const everyTask = frameworks.flatMap((f) => [
    ...f.tasks.values(),
    ...f.unreachableTasks.values(),
    ...f.completedTasks.values(),
  ]);
  const out: Record<string, unknown> = { hostname: ctx.info.hostname };
  if (ctx.options.cluster) out.cluster = ctx.options.cluster;
  out.slaves = ctx.agents.all().map((agent) => {
    const tasks = everyTask.filter((t) => t.agent_id.value === agent.id);
    return {
      ...legacyAgent(ctx, agent),
      ...counts(tasks),
      framework_ids: [...new Set(tasks.map((t) => t.framework_id.value))],
    };
  });
  out.frameworks = frameworks.map((framework) => {
    const full = legacyFramework(ctx, framework);
    const tasks = everyTask.filter((t) => t.framework_id.value === framework.id);
    return {
      ...Object.fromEntries(SUMMARY_FIELDS.filter((k) => k in full).map((k) => [k, full[k]])),
      ...counts(tasks),
      slave_ids: [...new Set(tasks.map((t) => t.agent_id.value))],
    };
  });
  return out;
}
