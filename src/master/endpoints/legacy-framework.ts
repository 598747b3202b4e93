import { summarizeResources } from "../../mesos/resource-text.js";
import { addResources } from "../../mesos/resources.js";
import type { ExecutorInfo } from "../../mesos/task.js";
import type { MasterContext } from "../context.js";
import type { FrameworkRecord } from "../state/framework-record.js";
import { frameworkOffered, frameworkUsed } from "../state/usage.js";
import { legacyTask } from "./legacy-tasks.js";

function legacyExecutor(
  executor: ExecutorInfo,
  frameworkId: string,
  agentId: string,
): Record<string, unknown> {
  const command = executor.command ?? {};
  const out: Record<string, unknown> = {
    executor_id: executor.executor_id.value,
    name: executor.name ?? "",
    framework_id: frameworkId,
    command: {
      ...(command.shell !== undefined ? { shell: command.shell } : {}),
      ...(command.value !== undefined ? { value: command.value } : {}),
      argv: command.arguments ?? [],
      ...(command.environment ? { environment: command.environment } : {}),
      uris: (command.uris ?? []).map((u) => ({ value: u.value, executable: u.executable ?? false })),
    },
    resources: summarizeResources(executor.resources ?? []),
    slave_id: agentId,
  };
  const role = executor.resources?.find((r) => r.allocation_info)?.allocation_info?.role;
  if (role) out.role = role;
  if (executor.labels) out.labels = executor.labels.labels;
  if (executor.type) out.type = executor.type;
  return out;
}

/** A framework as `/master/state` and `/master/frameworks` show it. */
export function legacyFramework(ctx: MasterContext, framework: FrameworkRecord): Record<string, unknown> {
  const info = framework.info;
  const used = frameworkUsed(framework);
  const offered = frameworkOffered(ctx, framework);
  const out: Record<string, unknown> = {
    id: framework.id,
    name: info.name,
    used_resources: summarizeResources(used),
    offered_resources: summarizeResources(offered),
    capabilities: (info.capabilities ?? []).map((c) => c.type),
    hostname: info.hostname ?? "",
    webui_url: info.webui_url ?? "",
    active: framework.active,
    connected: framework.connected,
    recovered: framework.recovered,
    user: info.user,
    failover_timeout: info.failover_timeout ?? 0,
    checkpoint: info.checkpoint ?? false,
    registered_time: framework.registeredTime,
    unregistered_time: framework.unregisteredTime ?? 0,
  };
  if (info.principal !== undefined) out.principal = info.principal;
  out.resources = summarizeResources(addResources(used, offered));
  if (framework.reregisteredTime !== undefined) out.reregistered_time = framework.reregisteredTime;
  if (framework.multiRole) out.roles = info.roles ?? [];
  else out.role = info.role ?? "*";
  out.tasks = [...framework.tasks.values()].map(legacyTask);
  out.unreachable_tasks = framework.unreachableTasks.values().map(legacyTask);
  out.completed_tasks = framework.completedTasks.values().map(legacyTask);
  out.offers = ctx.offers.forFramework(framework.id).map((o) => ({
    id: o.offer.id.value,
    framework_id: o.frameworkId,
    allocation_info: { role: o.role },
    slave_id: o.agentId,
    resources: summarizeResources(o.resources),
  }));
  out.executors = [...framework.executors.entries()].flatMap(([agentId, map]) =>
    [...map.values()].map((e) => legacyExecutor(e, framework.id, agentId)),
  );
  if (info.labels) out.labels = info.labels.labels;
  if (framework.offerConstraints !== undefined) out.offer_constraints = framework.offerConstraints;
  return out;
}
