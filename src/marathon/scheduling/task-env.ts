import type { AppDefinition } from "../model/app-definition.js";
import { portAssignments } from "./port-assignments.js";

const MAX_LABEL = 512;

/** A label key as an env-var name: runs of characters outside [a-zA-Z0-9_] become `_`, upper-cased. */
export const envSafe = (key: string): string => key.replace(/[^a-zA-Z0-9_]+/g, "_").toUpperCase();

const double = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n));

function portNames(app: AppDefinition): Array<{ name?: string; requested: number }> {
  if (app.container?.portMappings)
    return app.container.portMappings.map((m) => ({
      name: m.name,
      requested: m.containerPort || m.servicePort,
    }));
  return app.portDefinitions.map((p) => ({ name: p.name, requested: p.port }));
}

/**
 * PORTn per port of the app: its host port, or on a container network without one its container port;
 * PORT_<requested> and PORT_<NAME> name the same ports.
 */
function portVariables(app: AppDefinition, hostPorts: readonly number[]): Record<string, string> {
  const env: Record<string, string> = {};
  const effective = portAssignments(app, hostPorts).map((a) => a.hostPort ?? a.containerPort);
  const assigned = effective.filter((port): port is number => port !== undefined);
  if (assigned.length === 0) return env;
  const names = portNames(app);
  effective.forEach((port, i) => {
    if (port === undefined) return;
    env[`PORT${i}`] = String(port);
    const { name, requested = 0 } = names[i] ?? {};
    if (name) env[`PORT_${name.toUpperCase()}`] = String(port);
    env[`PORT_${requested !== 0 ? requested : port}`] = String(port);
  });
  env.PORT = String(assigned[0]);
  env.PORTS = assigned.join(",");
  return env;
}

/** The environment Marathon gives each task (§3.1); the app's own `env` entries come last and win. */
export function taskEnvironment(
  app: AppDefinition,
  task: { id: string; host: string; hostPorts: readonly number[] },
): Record<string, string> {
  const labels = Object.entries(app.labels).filter(
    ([k, v]) => k.length <= MAX_LABEL && v.length <= MAX_LABEL,
  );
  const env: Record<string, string> = {
    ...portVariables(app, task.hostPorts),
    HOST: task.host,
    MESOS_TASK_ID: task.id,
    MARATHON_APP_ID: app.id,
    MARATHON_APP_VERSION: app.version,
    MARATHON_APP_RESOURCE_CPUS: double(app.cpus),
    MARATHON_APP_RESOURCE_MEM: double(app.mem),
    MARATHON_APP_RESOURCE_DISK: double(app.disk),
    MARATHON_APP_RESOURCE_GPUS: String(app.gpus),
    MARATHON_APP_LABELS: labels.map(([k]) => envSafe(k)).join(" "),
    MARATHON_APP_ENFORCE_GROUP_ROLE: "FALSE",
  };
  const image = app.container?.docker?.image;
  if (app.container?.type === "DOCKER" && image) env.MARATHON_APP_DOCKER_IMAGE = image;
  for (const [k, v] of labels) env[`MARATHON_APP_LABEL_${envSafe(k)}`] = v;
  for (const [k, v] of Object.entries(app.env)) if (typeof v === "string") env[k] = v;
  return env;
}
