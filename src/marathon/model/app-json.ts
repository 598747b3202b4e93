import { servicePortsOf, type AppDefinition } from "./app-definition.js";

/** The app as Marathon 1.5+ writes it, plus the legacy aliases older clients read (`ports`, `uris`, `storeUrls`). */
export function appJson(app: AppDefinition): Record<string, unknown> {
  const optional = <K extends keyof AppDefinition>(key: K) =>
    app[key] !== undefined ? { [key]: app[key] } : {};
  return {
    id: app.id,
    ...optional("cmd"),
    ...optional("args"),
    ...optional("user"),
    instances: app.instances,
    cpus: app.cpus,
    mem: app.mem,
    disk: app.disk,
    gpus: app.gpus,
    executor: app.executor,
    constraints: app.constraints,
    ...optional("acceptedResourceRoles"),
    labels: app.labels,
    env: app.env,
    secrets: app.secrets,
    fetch: app.fetch,
    uris: app.fetch.map((f) => f.uri),
    storeUrls: [],
    backoffSeconds: app.backoffSeconds,
    backoffFactor: app.backoffFactor,
    maxLaunchDelaySeconds: app.maxLaunchDelaySeconds,
    ...optional("container"),
    networks: app.networks,
    ports: servicePortsOf(app),
    portDefinitions: app.portDefinitions,
    requirePorts: app.requirePorts,
    healthChecks: app.healthChecks,
    readinessChecks: app.readinessChecks,
    dependencies: app.dependencies,
    upgradeStrategy: app.upgradeStrategy,
    killSelection: app.killSelection,
    unreachableStrategy: app.unreachableStrategy,
    ...optional("taskKillGracePeriodSeconds"),
    role: app.role,
    version: app.version,
    versionInfo: app.versionInfo,
  };
}
