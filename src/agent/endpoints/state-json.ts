import { flattenAttributes, type Attribute } from "../../mesos/attributes.js";
import { frameworkRoles, hasCapability } from "../../mesos/framework.js";
import { reservationRole, type Resource } from "../../mesos/resource.js";
import { summarizeReserved, summarizeResources, unreservedOf } from "../../mesos/resource-text.js";
import type { TaskInfo, TaskStatus } from "../../mesos/task.js";
import {
  executorResources,
  type AgentBook,
  type ExecutorRecord,
  type FrameworkRecord,
  type TaskRecord,
} from "../book.js";
import { BUILD_INFO } from "./build-info.js";

export interface AgentIdentity {
  id: () => string | undefined;
  pid: string;
  hostname: string;
  port: number;
  startTime: number;
  resources: Resource[];
  attributes: Attribute[];
  flags: Record<string, string>;
  capabilities: string[];
  masterHostname: () => string | undefined;
}

/** The agent's `/state` body (Mesos's legacy JSON model). */
export function agentStateJson(identity: AgentIdentity, book: AgentBook): Record<string, unknown> {
  const total = identity.resources;
  const allocated = [...book.allExecutors()].flatMap(executorResources);
  const reservedFull: Record<string, Resource[]> = {};
  for (const r of total) {
    const role = reservationRole(r);
    if (role !== "*") (reservedFull[role] ??= []).push(r);
  }
  const masterHostname = identity.masterHostname();
  return {
    ...BUILD_INFO,
    start_time: identity.startTime,
    id: identity.id() ?? "",
    pid: identity.pid,
    hostname: identity.hostname,
    capabilities: identity.capabilities,
    resources: summarizeResources(total),
    reserved_resources: summarizeReserved(total),
    unreserved_resources: summarizeResources(unreservedOf(total)),
    reserved_resources_full: reservedFull,
    unreserved_resources_full: unreservedOf(total),
    reserved_resources_allocated: summarizeReserved(allocated),
    unreserved_resources_allocated: summarizeResources(unreservedOf(allocated)),
    resource_providers: [],
    attributes: flattenAttributes(identity.attributes),
    ...(masterHostname ? { master_hostname: masterHostname } : {}),
    flags: identity.flags,
    frameworks: [...book.frameworks.values()].map((f) => frameworkJson(f, identity)),
    completed_frameworks: book.completedFrameworks.map((f) => frameworkJson(f, identity)),
  };
}

export function frameworkJson(framework: FrameworkRecord, identity: AgentIdentity): Record<string, unknown> {
  const info = framework.info;
  const multiRole = hasCapability(info, "MULTI_ROLE");
  return {
    id: info.id.value,
    name: info.name,
    user: info.user,
    failover_timeout: info.failover_timeout ?? 0,
    checkpoint: info.checkpoint ?? false,
    hostname: info.hostname ?? "",
    ...(info.principal !== undefined ? { principal: info.principal } : {}),
    ...(multiRole ? { roles: frameworkRoles(info) } : { role: info.role ?? "*" }),
    capabilities: (info.capabilities ?? []).map((c) => c.type),
    executors: [...framework.executors.values()].map((e) => executorJson(e, identity)),
    completed_executors: framework.completedExecutors.map((e) => executorJson(e, identity)),
  };
}

export function executorJson(executor: ExecutorRecord, identity: AgentIdentity): Record<string, unknown> {
  const info = executor.info;
  const role = roleOf(info.resources ?? []);
  return {
    id: info.executor_id.value,
    name: info.name ?? "",
    source: info.source ?? "",
    container: executor.containerId,
    directory: executor.directory,
    resources: summarizeResources(
      executor.state === "TERMINATED" ? (info.resources ?? []) : executorResources(executor),
    ),
    ...(role ? { role } : {}),
    ...(info.labels ? { labels: info.labels.labels } : {}),
    ...(info.type ? { type: info.type } : {}),
    tasks: [...executor.tasks.values()].map((t) => taskJson(t, executor, identity)),
    queued_tasks: [...executor.queued.values()].map((t) => queuedTaskJson(t, identity)),
    completed_tasks: executor.completed.map((t) => taskJson(t, executor, identity)),
  };
}

export function taskJson(
  task: TaskRecord,
  executor: ExecutorRecord,
  identity: AgentIdentity,
): Record<string, unknown> {
  const info = task.info;
  const role = roleOf(info.resources ?? []);
  return {
    id: info.task_id.value,
    name: info.name,
    framework_id: task.frameworkId.value,
    executor_id: executor.kind === "command" ? "" : executor.info.executor_id.value,
    slave_id: identity.id() ?? info.agent_id?.value ?? "",
    state: task.state,
    resources: summarizeResources(info.resources ?? []),
    ...(info.limits ? { limits: info.limits } : {}),
    ...(role ? { role } : {}),
    statuses: task.statuses.map(statusJson),
    ...(info.labels ? { labels: info.labels.labels } : {}),
    ...(info.discovery ? { discovery: info.discovery } : {}),
    ...(info.container ? { container: info.container } : {}),
    ...(info.health_check ? { health_check: info.health_check } : {}),
  };
}

function queuedTaskJson(info: TaskInfo, identity: AgentIdentity): Record<string, unknown> {
  const role = roleOf(info.resources ?? []);
  return {
    id: info.task_id.value,
    name: info.name,
    slave_id: identity.id() ?? info.agent_id?.value ?? "",
    resources: summarizeResources(info.resources ?? []),
    ...(role ? { role } : {}),
    ...(info.command ? { command: info.command } : {}),
    ...(info.executor ? { executor_id: info.executor.executor_id.value } : {}),
    ...(info.discovery ? { discovery: info.discovery } : {}),
  };
}

function statusJson(status: TaskStatus): Record<string, unknown> {
  return {
    state: status.state,
    timestamp: status.timestamp,
    ...(status.labels ? { labels: status.labels.labels } : {}),
    ...(status.container_status ? { container_status: status.container_status } : {}),
    ...(status.healthy !== undefined ? { healthy: status.healthy } : {}),
  };
}

function roleOf(resources: readonly Resource[]): string | undefined {
  const allocated = resources.find((r) => r.allocation_info?.role)?.allocation_info?.role;
  if (allocated) return allocated;
  const first = resources[0];
  return first ? reservationRole(first) : undefined;
}
