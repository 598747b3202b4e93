/** The normalized AppDefinition Marathon keeps (1.5+ shape), whatever form the client sent. */

export type EnvValue = string | { secret: string };

export interface PortDefinition {
  port: number;
  protocol: string;
  name?: string;
  labels?: Record<string, string>;
}

export interface PortMapping {
  containerPort: number;
  hostPort?: number;
  servicePort: number;
  protocol: string;
  name?: string;
  labels?: Record<string, string>;
  networkNames?: string[];
}

export interface FetchUri {
  uri: string;
  executable: boolean;
  extract: boolean;
  cache: boolean;
  destPath?: string;
}

export interface Network {
  mode: "host" | "container/bridge" | "container";
  name?: string;
  labels?: Record<string, string>;
}

export type HealthCheckProtocol =
  "HTTP" | "HTTPS" | "TCP" | "COMMAND" | "MESOS_HTTP" | "MESOS_HTTPS" | "MESOS_TCP";

export interface HealthCheckDefinition {
  protocol: HealthCheckProtocol;
  path?: string;
  portIndex?: number;
  port?: number;
  command?: { value: string };
  gracePeriodSeconds: number;
  intervalSeconds: number;
  timeoutSeconds: number;
  maxConsecutiveFailures: number;
  delaySeconds: number;
  ignoreHttp1xx?: boolean;
  ipProtocol: "IPv4" | "IPv6";
}

export interface ReadinessCheckDefinition {
  name: string;
  protocol: "HTTP" | "HTTPS";
  path: string;
  portName: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  httpStatusCodesForReady: number[];
  preserveLastResponse: boolean;
}

export interface ContainerDefinition extends Record<string, unknown> {
  type: "DOCKER" | "MESOS";
  docker?: Record<string, unknown> & { image?: string };
  portMappings?: PortMapping[];
  volumes: Array<Record<string, unknown>>;
}

export type KillSelection = "YOUNGEST_FIRST" | "OLDEST_FIRST";

export interface AppDefinition {
  id: string;
  cmd?: string;
  args?: string[];
  user?: string;
  env: Record<string, EnvValue>;
  secrets: Record<string, { source: string }>;
  instances: number;
  cpus: number;
  mem: number;
  disk: number;
  gpus: number;
  executor: string;
  constraints: string[][];
  acceptedResourceRoles?: string[];
  labels: Record<string, string>;
  fetch: FetchUri[];
  portDefinitions: PortDefinition[];
  requirePorts: boolean;
  backoffSeconds: number;
  backoffFactor: number;
  maxLaunchDelaySeconds: number;
  container?: ContainerDefinition;
  networks: Network[];
  healthChecks: HealthCheckDefinition[];
  readinessChecks: ReadinessCheckDefinition[];
  dependencies: string[];
  upgradeStrategy: { minimumHealthCapacity: number; maximumOverCapacity: number };
  killSelection: KillSelection;
  unreachableStrategy: { inactiveAfterSeconds: number; expungeAfterSeconds: number } | "disabled";
  taskKillGracePeriodSeconds?: number;
  role: string;
  version: string;
  versionInfo: { lastScalingAt: string; lastConfigChangeAt: string };
}

/** The service ports of an app: portDefinitions in host mode, else the container's portMappings. */
export const servicePortsOf = (app: AppDefinition): number[] =>
  app.container?.portMappings
    ? app.container.portMappings.map((m) => m.servicePort)
    : app.portDefinitions.map((p) => p.port);

/** JSON with object keys sorted, so equal values compare equal whatever order their keys were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** "Needs restart": anything but instances and the version bookkeeping differs. */
export function configDiffers(a: AppDefinition, b: AppDefinition): boolean {
  const strip = (app: AppDefinition) => ({ ...app, instances: 0, version: "", versionInfo: undefined });
  return canonicalJson(strip(a)) !== canonicalJson(strip(b));
}
