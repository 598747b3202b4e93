import type {
  AppDefinition,
  FetchUri,
  HealthCheckDefinition,
  HealthCheckProtocol,
  PortDefinition,
  ReadinessCheckDefinition,
} from "./app-definition.js";
import type { AppInput } from "./app-input.js";
import { containerOf, networksOf } from "./container-normalize.js";
import { resolvePathId } from "./path-id.js";

/** Problems found while merging the two input forms (they become 422 details). */
export type NormalizeProblems = Array<{ path: string; error: string }>;

const definedOr = <T>(value: T | null | undefined, fallback: T): T =>
  value === undefined || value === null ? fallback : value;

function portDefinitionsOf(
  input: AppInput,
  problems: NormalizeProblems,
  hostMode: boolean,
): PortDefinition[] {
  const fromPorts = input.ports?.map((port) => ({ port, protocol: "tcp" }));
  const defs = input.portDefinitions?.map((p) => ({
    port: p.port ?? 0,
    protocol: p.protocol ?? "tcp",
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.labels !== undefined ? { labels: p.labels } : {}),
  }));
  if (fromPorts && defs) {
    const same = fromPorts.length === defs.length && fromPorts.every((p, i) => p.port === defs[i]?.port);
    if (!same) problems.push({ path: "/", error: "cannot specify both ports and port definitions" });
    return defs;
  }
  if (defs ?? fromPorts) return (defs ?? fromPorts) as PortDefinition[];
  return hostMode ? [{ port: 0, name: "default", protocol: "tcp" }] : [];
}

function fetchOf(input: AppInput, problems: NormalizeProblems): FetchUri[] {
  const sameUris = JSON.stringify(input.uris) === JSON.stringify(input.fetch?.map((f) => f.uri));
  if (input.fetch && input.uris && input.uris.length > 0 && input.fetch.length > 0 && !sameUris)
    problems.push({ path: "/", error: "Fetch and uris may not be specified together" });
  const uris: FetchUri[] = (input.uris ?? []).map((uri) => ({
    uri,
    executable: false,
    extract: true,
    cache: false,
  }));
  if (!input.fetch || input.fetch.length === 0) return uris;
  return input.fetch.map((f) => ({
    uri: f.uri,
    executable: f.executable ?? false,
    extract: f.extract ?? true,
    cache: f.cache ?? false,
    ...(f.destPath !== undefined ? { destPath: f.destPath } : {}),
  }));
}

function healthCheckOf(h: NonNullable<AppInput["healthChecks"]>[number]): HealthCheckDefinition {
  const protocol = (h.protocol ?? "HTTP").toUpperCase() as HealthCheckProtocol;
  const http = protocol.includes("HTTP");
  return {
    protocol,
    ...(http ? { path: h.path ?? "/" } : {}),
    ...(h.port !== undefined
      ? { port: h.port }
      : protocol === "COMMAND"
        ? {}
        : { portIndex: h.portIndex ?? 0 }),
    ...(h.command ? { command: { value: h.command.value } } : {}),
    gracePeriodSeconds: h.gracePeriodSeconds ?? 300,
    intervalSeconds: h.intervalSeconds ?? 60,
    timeoutSeconds: h.timeoutSeconds ?? 20,
    maxConsecutiveFailures: h.maxConsecutiveFailures ?? 3,
    delaySeconds: h.delaySeconds ?? 15,
    ...(http && h.ignoreHttp1xx !== undefined ? { ignoreHttp1xx: h.ignoreHttp1xx } : {}),
    ipProtocol: h.ipProtocol === "IPv6" ? "IPv6" : "IPv4",
  };
}

function readinessCheckOf(r: NonNullable<AppInput["readinessChecks"]>[number]): ReadinessCheckDefinition {
  return {
    name: r.name ?? "readinessCheck",
    protocol: r.protocol === "HTTPS" ? "HTTPS" : "HTTP",
    path: r.path ?? "/",
    portName: r.portName ?? "http-api",
    intervalSeconds: r.intervalSeconds ?? 30,
    timeoutSeconds: r.timeoutSeconds ?? 10,
    httpStatusCodesForReady: r.httpStatusCodesForReady ?? [200],
    preserveLastResponse: r.preserveLastResponse ?? false,
  };
}

/** Builds the stored form from an input in either form; the version fields are set by the caller. */
export function normalizeApp(input: AppInput, problems: NormalizeProblems = []): AppDefinition {
  const id = resolvePathId(input.id ?? "");
  const networks = networksOf(input);
  const hostMode = networks.every((n) => n.mode === "host");
  const container = containerOf(input, networks);
  const rawMappings = input.container?.portMappings ?? input.container?.docker?.portMappings ?? [];
  if (hostMode && rawMappings.length > 0)
    problems.push({
      path: "/container/portMappings",
      error: "portMappings are not allowed with host-networking",
    });
  if (!hostMode && (input.portDefinitions?.length ?? 0) > 0)
    problems.push({
      path: "/portDefinitions",
      error: "portDefinitions are only allowed with host-networking",
    });
  const strategy = input.upgradeStrategy ?? {};
  const unreachable = input.unreachableStrategy;
  return {
    id,
    ...(input.cmd !== undefined && input.cmd !== null ? { cmd: input.cmd } : {}),
    ...(input.args ? { args: input.args } : {}),
    ...(input.user ? { user: input.user } : {}),
    env: definedOr(input.env, {}) as AppDefinition["env"],
    secrets: definedOr(input.secrets, {}) as AppDefinition["secrets"],
    instances: input.instances ?? 1,
    cpus: input.cpus ?? 1,
    mem: input.mem ?? 128,
    disk: input.disk ?? 0,
    gpus: input.gpus ?? 0,
    executor: definedOr(input.executor, ""),
    constraints: definedOr(input.constraints, []),
    ...(input.acceptedResourceRoles ? { acceptedResourceRoles: input.acceptedResourceRoles } : {}),
    labels: definedOr(input.labels, {}),
    fetch: fetchOf(input, problems),
    portDefinitions: hostMode ? portDefinitionsOf(input, problems, true) : [],
    requirePorts: definedOr(input.requirePorts, false),
    backoffSeconds: input.backoffSeconds ?? 1,
    backoffFactor: input.backoffFactor ?? 1.15,
    maxLaunchDelaySeconds: input.maxLaunchDelaySeconds ?? 300,
    ...(container ? { container } : {}),
    networks,
    healthChecks: (input.healthChecks ?? []).map(healthCheckOf),
    readinessChecks: (input.readinessChecks ?? []).map(readinessCheckOf),
    dependencies: (input.dependencies ?? []).map((d) => resolvePathId(d, resolvePathId("..", id))),
    upgradeStrategy: {
      minimumHealthCapacity: strategy.minimumHealthCapacity ?? 1,
      maximumOverCapacity: strategy.maximumOverCapacity ?? 1,
    },
    killSelection: input.killSelection === "OLDEST_FIRST" ? "OLDEST_FIRST" : "YOUNGEST_FIRST",
    unreachableStrategy:
      unreachable === "disabled"
        ? "disabled"
        : {
            inactiveAfterSeconds: unreachable?.inactiveAfterSeconds ?? 0,
            expungeAfterSeconds: unreachable?.expungeAfterSeconds ?? 0,
          },
    ...(typeof input.taskKillGracePeriodSeconds === "number"
      ? { taskKillGracePeriodSeconds: input.taskKillGracePeriodSeconds }
      : {}),
    role: definedOr(input.role, "*"),
    version: "",
    versionInfo: { lastScalingAt: "", lastConfigChangeAt: "" },
  };
}
