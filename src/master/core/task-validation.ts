import { invalidIdReason } from "../../mesos/ids.js";
import type { Resource } from "../../mesos/resource.js";
import { addResources, allocateTo, containsResources } from "../../mesos/resources.js";
import type { ExecutorInfo, TaskInfo } from "../../mesos/task.js";
import type { FrameworkRecord } from "../state/framework-record.js";
import { formatResources } from "./format-resources.js";

/** Task resources in allocated form: unset allocation_info means the offer's role. */
export const taskResourcesFor = (resources: readonly Resource[] | undefined, role: string): Resource[] =>
  (resources ?? []).map((r) => (r.allocation_info ? structuredClone(r) : allocateTo([r], role)[0]!));

function invalidResourcesReason(resources: readonly Resource[]): string | undefined {
  for (const r of resources) {
    if (r.type === "SCALAR" && !(Number(r.scalar?.value) >= 0)) return `Invalid scalar resource ${r.name}`;
    if (r.name === "gpus" && r.type === "SCALAR" && !Number.isInteger(Number(r.scalar?.value)))
      return "The 'gpus' resource must be an unsigned integer";
  }
  const roles = new Set(resources.map((r) => r.allocation_info?.role));
  if (roles.size > 1) return "Invalid task resources: Expecting resources to be allocated to a single role";
  return undefined;
}

/** Task fields other than the executor, in Mesos's order: id, uniqueness, agent, kill policy, resources. */
export function validateTaskFields(
  task: TaskInfo,
  framework: FrameworkRecord,
  agentId: string,
  seenIds: ReadonlySet<string>,
): string | undefined {
  const idProblem = invalidIdReason(task.task_id.value);
  if (idProblem) return `'TaskID.value' '${task.task_id.value}' is invalid: ${idProblem}`;
  if (framework.tasks.has(task.task_id.value) || seenIds.has(task.task_id.value))
    return `Task has duplicate ID: ${task.task_id.value}`;
  if (framework.unreachableTasks.find((t) => t.task_id.value === task.task_id.value))
    return `Task reuses the ID of an unreachable task: ${task.task_id.value}`;
  if (task.agent_id.value !== agentId)
    return `Task uses invalid agent ${task.agent_id.value} while agent ${agentId} is expected`;
  if (Number(task.kill_policy?.grace_period?.nanoseconds ?? 0) < 0)
    return "Task's 'kill_policy.grace_period' must be non-negative";
  if (!task.resources?.length) return "Task uses no resources";
  const resourceProblem = invalidResourcesReason(task.resources);
  if (resourceProblem) return `Task uses invalid resources: ${resourceProblem}`;
  return undefined;
}

/** ExecutorInfo checks shared by LAUNCH and LAUNCH_GROUP. */
export function validateExecutorInfo(executor: ExecutorInfo, framework: FrameworkRecord): string | undefined {
  const idProblem = invalidIdReason(executor.executor_id.value);
  if (idProblem) return `'ExecutorID.value' '${executor.executor_id.value}' is invalid: ${idProblem}`;
  if (executor.framework_id && executor.framework_id.value !== framework.id)
    return `ExecutorInfo has an invalid FrameworkID (Actual: ${executor.framework_id.value} vs Expected: ${framework.id})`;
  if (Number(executor.shutdown_grace_period?.nanoseconds ?? 0) < 0)
    return "ExecutorInfo's 'shutdown_grace_period' must be non-negative";
  const resourceProblem = invalidResourcesReason(executor.resources ?? []);
  if (resourceProblem) return `Executor uses invalid resources: ${resourceProblem}`;
  return undefined;
}

/** Exactly one of command or executor, a valid custom executor, and everything within what is left of the offer. */
export function validateTaskExecutor(
  task: TaskInfo,
  framework: FrameworkRecord,
  role: string,
  remaining: readonly Resource[],
  executorKnown: boolean,
): string | undefined {
  if ((task.executor === undefined) === (task.command === undefined))
    return "Task should have at least one (but not both) of CommandInfo or ExecutorInfo present";
  let total = taskResourcesFor(task.resources, role);
  if (task.executor) {
    const problem = validateExecutorInfo(task.executor, framework);
    if (problem) return problem;
    if (task.executor.type !== undefined && task.executor.type !== "CUSTOM")
      return "'ExecutorInfo.type' must be 'CUSTOM'";
    if (!task.executor.command) return "'ExecutorInfo.command' must be set";
    if (!executorKnown) total = addResources(total, taskResourcesFor(task.executor.resources, role));
  }
  if (!containsResources(remaining, total))
    return `Total resources ${formatResources(addResources(total))} required by task and its executor is more than available ${formatResources(remaining)}`;
  return undefined;
}
