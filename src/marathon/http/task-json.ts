import type { AppDefinition } from "../model/app-definition.js";
import type { TaskRecord } from "../state/task-record.js";
import { instanceIdOf } from "../core/status-fields.js";

/** A task as GET /v2/tasks and embeds write it (§1.7). */
export function taskJson(task: TaskRecord, app: AppDefinition | undefined): Record<string, unknown> {
  const hasChecks = (app?.healthChecks.length ?? 0) > 0;
  const healthCheckResults = hasChecks
    ? task.healthResults.map((r) => ({ ...r, instanceId: instanceIdOf(task.id) }))
    : [];
  if (hasChecks && task.mesosHealthy !== undefined)
    healthCheckResults.push({
      alive: task.mesosHealthy,
      consecutiveFailures: task.mesosHealthy ? 0 : 1,
      firstSuccess: null,
      lastSuccess: null,
      lastFailure: null,
      lastFailureCause: null,
      instanceId: instanceIdOf(task.id),
    });
  return {
    id: task.id,
    appId: task.appId,
    host: task.host,
    slaveId: task.agentId,
    state: task.state,
    stagedAt: task.stagedAt,
    ...(task.startedAt ? { startedAt: task.startedAt } : {}),
    version: task.version,
    ports: task.ports,
    servicePorts: task.servicePorts,
    ipAddresses:
      task.ipAddresses.length > 0 ? task.ipAddresses : [{ ipAddress: task.host, protocol: "IPv4" }],
    ...(hasChecks ? { healthCheckResults } : {}),
    localVolumes: [],
    role: app?.role ?? "*",
  };
}
