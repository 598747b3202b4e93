import type { TaskPort } from "./task-ports.js";
import { ignoresAll, portMetadata } from "./service-metadata.js";

/** What registrator PUTs to `/v1/agent/service/register` for one port. */
export interface ServiceRegistration {
  ID: string;
  Name: string;
  Tags: string[];
  Address: string;
  Port: number;
  Meta?: Record<string, string>;
  Check?: Record<string, string>;
}

/** A running task as registrator sees it. */
export interface TaskView {
  taskId: string;
  /** The default service name: the task's discovery name or task name. */
  name: string;
  ports: TaskPort[];
  /** The agent's address (registered by default, with the host port). */
  hostIp: string;
  /** The task's own address (registered with `-internal`, with the exposed port). */
  taskIp: string;
  /** Environment and labels, in that order. */
  metadata: ReadonlyArray<Record<string, string>>;
}

export interface RegistrationSettings {
  /** The registrator's host name, the first part of each service id. */
  hostname: string;
  /** `-internal`: register the task's own IP and exposed port instead of the agent's IP and host port. */
  internal: boolean;
  /** `-tags`: added to every service. */
  tags: string[];
}

const KNOWN_KEYS = new Set(["name", "tags", "id", "ignore"]);

/** A name Consul's DNS can answer: characters outside `[A-Za-z0-9-]` become `-` (`app.group` → `app-group`). */
export const serviceNameOf = (text: string): string =>
  text.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");

function checkOf(
  values: Record<string, string>,
  ip: string,
  port: number,
): Record<string, string> | undefined {
  const timing = {
    Interval: values.check_interval || "10s",
    ...(values.check_timeout ? { Timeout: values.check_timeout } : {}),
  };
  const substitute = (s: string) => s.replace(/\$SERVICE_IP/g, ip).replace(/\$SERVICE_PORT/g, String(port));
  if (values.check_http) return { HTTP: `http://${ip}:${port}${values.check_http}`, ...timing };
  if (values.check_https) return { HTTP: `https://${ip}:${port}${values.check_https}`, ...timing };
  if (values.check_tcp) return { TCP: `${ip}:${port}`, ...timing };
  if (values.check_script) return { Script: substitute(values.check_script), ...timing };
  if (values.check_cmd) return { Script: `${substitute(values.check_cmd)}`, ...timing };
  if (values.check_ttl) return { TTL: values.check_ttl };
  return undefined;
}

/**
 * The services registrator v6 registers for a task: one per port, id `<hostname>:<task>:<port>` (`:udp`
 * for UDP), name the task's name (with `-<port name or port>` when it has several ports and no SERVICE_NAME), tags
 * from SERVICE_TAGS and `-tags`, checks from SERVICE_CHECK_*, other keys as Meta.
 */
export function registrationsOf(task: TaskView, settings: RegistrationSettings): ServiceRegistration[] {
  if (ignoresAll(task.metadata)) return [];
  const many = task.ports.length > 1;
  return task.ports.flatMap((port) => {
    const { values } = portMetadata(task.metadata, port, task.ports);
    if (values.ignore !== undefined) return [];
    const exposed = settings.internal ? port.exposedPort : port.hostPort;
    const ip = settings.internal ? task.taskIp : task.hostIp;
    // A task's host ports are dynamic: a named port gives a name that stays the same across instances.
    const defaultName =
      serviceNameOf(task.name) + (many ? `-${serviceNameOf(port.name ?? String(port.exposedPort))}` : "");
    const udp = port.protocol === "udp";
    const tags = [
      ...(values.tags ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      ...settings.tags,
      ...(udp ? ["udp"] : []),
    ];
    const meta = Object.fromEntries(
      Object.entries(values).filter(([k]) => !KNOWN_KEYS.has(k) && !k.startsWith("check_")),
    );
    const check = checkOf(values, ip, exposed);
    return [
      {
        ID: values.id || `${settings.hostname}:${task.taskId}:${port.exposedPort}${udp ? ":udp" : ""}`,
        Name: values.name || defaultName,
        Tags: tags,
        Address: ip,
        Port: exposed,
        ...(Object.keys(meta).length > 0 ? { Meta: meta } : {}),
        ...(check ? { Check: check } : {}),
      },
    ];
  });
}
