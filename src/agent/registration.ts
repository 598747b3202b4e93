import type { AgentInfo } from "../mesos/agent-info.js";
import { AGENT_CAPABILITIES } from "../mesos/agent-info.js";
import type { AgentLinkCall } from "../mesos/agent-link-protocol.js";
import type { ID } from "../mesos/ids.js";
import type { ExecutorInfo, Task } from "../mesos/task.js";
import { MESOS_VERSION } from "../mesos/version.js";
import type { AgentBook, ExecutorRecord, TaskRecord } from "./book.js";
import type { StatusUpdateManager } from "./status-update-manager.js";

export interface RegistrationSource {
  agentInfo: AgentInfo;
  pid: string;
  book: AgentBook;
  statusUpdates: StatusUpdateManager;
  agentId: string | undefined;
  /** Tasks recovery ended after a restart whose terminal update is not yet acknowledged. */
  recoveredTasks?: Task[];
}

/** The REGISTER body; on re-registration it lists what still runs so the master can reconcile. */
export function registrationBody(source: RegistrationSource): NonNullable<AgentLinkCall["register"]> {
  const body: NonNullable<AgentLinkCall["register"]> = {
    agent_info: source.agentInfo,
    pid: source.pid,
    version: MESOS_VERSION,
    capabilities: AGENT_CAPABILITIES.map((type) => ({ type })),
  };
  if (!source.agentId) return body;
  const tasks: Task[] = [];
  const executors: Array<ExecutorInfo & { framework_id: ID }> = [];
  for (const executor of source.book.allExecutors()) {
    if (executor.kind !== "command") executors.push(executor.info);
    for (const task of executor.tasks.values()) tasks.push(v1Task(task, executor, source));
    for (const info of executor.queued.values())
      tasks.push(
        v1Task(
          { info, frameworkId: executor.info.framework_id, state: "TASK_STAGING", statuses: [] },
          executor,
          source,
        ),
      );
  }
  tasks.push(...(source.recoveredTasks ?? []));
  return {
    ...body,
    tasks,
    executors,
    frameworks: [...source.book.frameworks.values()].map((f) => f.info),
  };
}

export function v1Task(
  task: TaskRecord,
  executor: ExecutorRecord,
  source: Pick<RegistrationSource, "statusUpdates" | "agentId">,
): Task {
  const info = task.info;
  const head = source.statusUpdates.unacknowledged(task.frameworkId, info.task_id)[0];
  return {
    name: info.name,
    task_id: info.task_id,
    framework_id: task.frameworkId,
    ...(executor.kind !== "command" ? { executor_id: executor.info.executor_id } : {}),
    agent_id: { value: source.agentId ?? "" },
    state: task.state,
    resources: info.resources ?? [],
    statuses: task.statuses,
    ...(head
      ? { status_update_state: head.state, ...(head.uuid ? { status_update_uuid: head.uuid } : {}) }
      : {}),
    ...(info.labels ? { labels: info.labels } : {}),
    ...(info.discovery ? { discovery: info.discovery } : {}),
    ...(info.container ? { container: info.container } : {}),
    ...(info.health_check ? { health_check: info.health_check } : {}),
    ...(info.kill_policy ? { kill_policy: info.kill_policy } : {}),
    ...(info.limits ? { limits: info.limits } : {}),
  };
}
