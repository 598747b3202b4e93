import type { CommandInfo } from "../../mesos/command.js";
import type { HealthCheck } from "../../mesos/health-check.js";
import type { Offer } from "../../mesos/offer.js";
import type { Resource } from "../../mesos/resource.js";
import type { TaskInfo } from "../../mesos/task.js";
import type { AppDefinition, HealthCheckDefinition } from "../model/app-definition.js";
import { reversedName } from "../model/path-id.js";
import { containerInfoOf } from "./container-info.js";
import { mesosCheckPort, portAssignments, type PortAssignment } from "./port-assignments.js";
import { taskEnvironment } from "./task-env.js";

function commandOf(app: AppDefinition, env: Record<string, string>): CommandInfo {
  const environment = { variables: Object.entries(env).map(([name, value]) => ({ name, value })) };
  const uris = app.fetch.map((f) => ({
    value: f.uri,
    executable: f.executable,
    extract: f.extract,
    cache: f.cache,
    ...(f.destPath !== undefined ? { output_file: f.destPath } : {}),
  }));
  const base = { environment, ...(uris.length > 0 ? { uris } : {}), ...(app.user ? { user: app.user } : {}) };
  if (app.cmd !== undefined) return { shell: true, value: app.cmd, ...base };
  if (app.args && app.container?.type !== "DOCKER")
    return { shell: false, value: app.args[0] ?? "", arguments: app.args, ...base };
  return { shell: false, ...(app.args ? { arguments: app.args } : {}), ...base };
}

/** A MESOS_* or COMMAND health check as the agent runs it. */
export function mesosHealthCheck(
  check: HealthCheckDefinition,
  ports: readonly PortAssignment[],
): HealthCheck | undefined {
  const port = check.port ?? mesosCheckPort(ports[check.portIndex ?? 0]);
  const timing = {
    delay_seconds: check.delaySeconds,
    interval_seconds: check.intervalSeconds,
    timeout_seconds: check.timeoutSeconds,
    // Passed through unchanged, 0 included, as Marathon does. For a Marathon-run check 0 means "never kill",
    // but the agent kills once `consecutive_failures` counted failures are reached, so for a MESOS_* or COMMAND
    // check 0 means "kill on the first failure after the grace period" (reference §2.4). We keep that real
    // difference rather than inventing a large number that would make us distinguishable from Marathon.
    consecutive_failures: check.maxConsecutiveFailures,
    grace_period_seconds: check.gracePeriodSeconds,
  };
  switch (check.protocol) {
    case "COMMAND":
      return { type: "COMMAND", command: { shell: true, value: check.command?.value ?? "" }, ...timing };
    case "MESOS_HTTP":
    case "MESOS_HTTPS":
      return {
        type: "HTTP",
        http: { port, path: check.path ?? "/", scheme: check.protocol === "MESOS_HTTPS" ? "https" : "http" },
        ...timing,
      };
    case "MESOS_TCP":
      return { type: "TCP", tcp: { port }, ...timing };
    default:
      return undefined;
  }
}

/** The TaskInfo Marathon sends for one task of the app on this offer. */
export function buildTaskInfo(
  app: AppDefinition,
  offer: Offer,
  taskId: string,
  resources: Resource[],
  hostPorts: readonly number[],
): TaskInfo {
  const env = taskEnvironment(app, { id: taskId, host: offer.hostname, hostPorts });
  const ports = portAssignments(app, hostPorts);
  const container = containerInfoOf(app, ports);
  const healthCheck = app.healthChecks.map((h) => mesosHealthCheck(h, ports)).find(Boolean);
  const names = app.portDefinitions.map((p) => p.name);
  return {
    name: reversedName(app.id),
    task_id: { value: taskId },
    agent_id: offer.agent_id,
    resources,
    command: commandOf(app, env),
    ...(container ? { container } : {}),
    ...(healthCheck ? { health_check: healthCheck } : {}),
    ...(app.taskKillGracePeriodSeconds !== undefined
      ? { kill_policy: { grace_period: { nanoseconds: app.taskKillGracePeriodSeconds * 1e9 } } }
      : {}),
    discovery: {
      visibility: "FRAMEWORK",
      name: reversedName(app.id),
      ports: {
        ports: hostPorts.map((number, i) => ({
          number,
          protocol: "tcp",
          ...(names[i] ? { name: names[i] } : {}),
        })),
      },
    },
  };
}
