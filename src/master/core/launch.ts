import type { Resource } from "../../mesos/resource.js";
import { addResources, containsResources, subtractResources } from "../../mesos/resources.js";
import type { ExecutorInfo, Task, TaskGroupInfo, TaskInfo } from "../../mesos/task.js";
import type { MasterContext } from "../context.js";
import type { AgentRecord } from "../state/agent-record.js";
import type { FrameworkRecord } from "../state/framework-record.js";
import { sendToAgent } from "./agent-messages.js";
import { formatResources } from "./format-resources.js";
import { masterStatus, sendStatusUpdate } from "./status.js";
import {
  taskResourcesFor,
  validateExecutorInfo,
  validateTaskExecutor,
  validateTaskFields,
} from "./task-validation.js";

/** What an ACCEPT has left to hand out on one agent, shrinking as tasks launch. */
export interface LaunchScope {
  ctx: MasterContext;
  framework: FrameworkRecord;
  agent: AgentRecord;
  role: string;
  remaining: Resource[];
}

function taskRecord(scope: LaunchScope, info: TaskInfo, resources: Resource[]): Task {
  const task: Task = {
    name: info.name,
    task_id: info.task_id,
    framework_id: { value: scope.framework.id },
    agent_id: { value: scope.agent.id },
    state: "TASK_STAGING",
    resources,
    statuses: [],
  };
  if (info.executor) task.executor_id = info.executor.executor_id;
  for (const key of ["labels", "discovery", "container", "health_check", "kill_policy", "limits"] as const)
    if (info[key] !== undefined) (task as unknown as Record<string, unknown>)[key] = info[key];
  task.user = info.command?.user ?? scope.framework.info.user;
  return task;
}

function refuseTask(
  scope: LaunchScope,
  info: TaskInfo,
  reason: "REASON_TASK_INVALID" | "REASON_TASK_GROUP_INVALID",
  message: string,
): void {
  const status = masterStatus(
    { task_id: info.task_id, agent_id: info.agent_id },
    "TASK_ERROR",
    reason,
    message,
  );
  scope.ctx.counters.countTerminal("TASK_ERROR");
  sendStatusUpdate(scope.framework, status);
}

/** Registers a new executor and charges its resources; returns the executor as sent to the agent. */
function claimExecutor(scope: LaunchScope, executor: ExecutorInfo): ExecutorInfo {
  const executors = scope.framework.executorsOn(scope.agent.id);
  const known = executors.get(executor.executor_id.value);
  if (known) return known;
  const claimed: ExecutorInfo = {
    ...executor,
    framework_id: { value: scope.framework.id },
    resources: taskResourcesFor(executor.resources, scope.role),
  };
  executors.set(executor.executor_id.value, claimed);
  scope.remaining = subtractResources(scope.remaining, claimed.resources ?? []);
  return claimed;
}

function addTask(scope: LaunchScope, info: TaskInfo): TaskInfo {
  const resources = taskResourcesFor(info.resources, scope.role);
  scope.remaining = subtractResources(scope.remaining, resources);
  const task = taskRecord(scope, info, resources);
  scope.framework.tasks.set(task.task_id.value, task);
  scope.ctx.counters.count("launch_tasks");
  scope.ctx.operatorEvents.emit(() => ({ type: "TASK_ADDED", task_added: { task } }));
  return { ...info, resources };
}

/** LAUNCH of one task: validated, charged to the offer, recorded as STAGING and sent to the agent. */
export function launchTask(scope: LaunchScope, info: TaskInfo, seen: Set<string>): void {
  const executorKnown = info.executor
    ? scope.framework.executorsOn(scope.agent.id).has(info.executor.executor_id.value)
    : false;
  const problem =
    validateTaskFields(info, scope.framework, scope.agent.id, seen) ??
    validateTaskExecutor(info, scope.framework, scope.role, scope.remaining, executorKnown);
  if (problem) return refuseTask(scope, info, "REASON_TASK_INVALID", problem);
  seen.add(info.task_id.value);
  const executor = info.executor ? claimExecutor(scope, info.executor) : undefined;
  const sent = addTask(scope, executor ? { ...info, executor } : info);
  sendToAgent(scope.ctx, scope.agent.id, {
    type: "RUN_TASK",
    run_task: { framework: scope.framework.info, task: sent },
  });
}

function groupProblem(
  scope: LaunchScope,
  executor: ExecutorInfo,
  tasks: TaskInfo[],
  seen: Set<string>,
): string | undefined {
  const executorProblem = validateExecutorInfo(executor, scope.framework);
  if (executorProblem) return executorProblem;
  if (executor.type === undefined) return "'ExecutorInfo.type' must be set";
  if (executor.type === "UNKNOWN") return "Unknown executor type";
  if (tasks.length === 0) return "Task group is empty";
  const local = new Set(seen);
  for (const task of tasks) {
    const problem = validateTaskFields(task, scope.framework, scope.agent.id, local);
    if (problem) return problem;
    local.add(task.task_id.value);
    if (task.executor && task.executor.executor_id.value !== executor.executor_id.value)
      return "The `ExecutorInfo` of the task must match the task group's executor";
    if (task.container?.type === "DOCKER") return "Docker ContainerInfo is not supported on the task";
  }
  const executorKnown = scope.framework.executorsOn(scope.agent.id).has(executor.executor_id.value);
  const total = addResources(
    executorKnown ? [] : taskResourcesFor(executor.resources, scope.role),
    tasks.flatMap((t) => taskResourcesFor(t.resources, scope.role)),
  );
  if (!containsResources(scope.remaining, total))
    return `Total resources ${formatResources(total)} required by task group and its executor are more than available ${formatResources(scope.remaining)}`;
  return undefined;
}

/** LAUNCH_GROUP: all tasks or none; one RUN_TASK with the executor and the whole group. */
export function launchGroup(
  scope: LaunchScope,
  executor: ExecutorInfo,
  group: TaskGroupInfo,
  seen: Set<string>,
): void {
  const tasks = group.tasks ?? [];
  const problem = groupProblem(scope, executor, tasks, seen);
  if (problem) {
    for (const task of tasks) refuseTask(scope, task, "REASON_TASK_GROUP_INVALID", problem);
    return;
  }
  const claimed = claimExecutor(scope, executor);
  const sentTasks = tasks.map((task) => {
    seen.add(task.task_id.value);
    return addTask(scope, { ...task, executor: claimed });
  });
  sendToAgent(scope.ctx, scope.agent.id, {
    type: "RUN_TASK",
    run_task: {
      framework: scope.framework.info,
      executor: claimed,
      task_group: { tasks: sentTasks.map(({ executor: _e, ...t }) => t) },
    },
  });
}
