import type { AppDefinition } from "./app-definition.js";
import { constraintError } from "./constraint-validation.js";
import type { NormalizeProblems } from "./app-normalize.js";
import { pathIdErrors } from "./path-id.js";

export interface Violation {
  path: string;
  errors: string[];
}

const COMMAND_MESSAGE = "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.";
const PORT_NAME = /^[a-z][a-z0-9-]*$/;
/** Marathon's pattern, matched whole as Java's `matches` does (its alternatives are not anchored one by one). */
const EXECUTOR = /^(?:(\/\/cmd)|(\/?[^/]+(\/[^/]+)*)|)$/;
const MESOS_CHECKS = ["COMMAND", "MESOS_HTTP", "MESOS_HTTPS", "MESOS_TCP"];

/** Doubles print as Scala does: `0.0`, `1.5`. */
const double = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n));

class Collector {
  private readonly byPath = new Map<string, string[]>();
  add(path: string, error: string): void {
    const list = this.byPath.get(path) ?? [];
    if (!list.includes(error)) list.push(error);
    this.byPath.set(path, list);
  }
  violations(): Violation[] {
    return [...this.byPath].map(([path, errors]) => ({ path, errors }));
  }
}

function checkNumbers(app: AppDefinition, c: Collector): void {
  const min = (path: string, value: number, floor: number, asDouble: boolean) => {
    if (value < floor)
      c.add(
        path,
        asDouble
          ? `got ${double(value)}, expected ${double(floor)} or more`
          : `got ${value}, expected ${floor} or more`,
      );
  };
  min("/instances", app.instances, 0, false);
  min("/cpus", app.cpus, 0.001, true);
  min("/mem", app.mem, 0, true);
  min("/disk", app.disk, 0, true);
  min("/gpus", app.gpus, 0, false);
  min("/backoffSeconds", app.backoffSeconds, 0, false);
  min("/backoffFactor", app.backoffFactor, 1, true);
  min("/maxLaunchDelaySeconds", app.maxLaunchDelaySeconds, 0, false);
  for (const key of ["minimumHealthCapacity", "maximumOverCapacity"] as const) {
    const value = app.upgradeStrategy[key];
    if (value > 1) c.add(`/upgradeStrategy/${key}`, "is greater than 1");
    if (value < 0) c.add(`/upgradeStrategy/${key}`, "is less than 0");
  }
}

function checkPorts(app: AppDefinition, c: Collector): void {
  const ports = app.portDefinitions.map((p) => p.port).filter((p) => p !== 0);
  if (new Set(ports).size !== ports.length) c.add("/portDefinitions", "ports must be unique");
  const names = app.portDefinitions.flatMap((p) => (p.name ? [p.name] : []));
  if (new Set(names).size !== names.length) c.add("/portDefinitions", "Port names must be unique.");
  app.portDefinitions.forEach((p, i) => {
    if (p.name !== undefined && !PORT_NAME.test(p.name))
      c.add(`/portDefinitions(${i})/name`, "must fully match regular expression '^[a-z][a-z0-9-]*$'");
    if (p.port < 0 || p.port > 65535) c.add(`/portDefinitions(${i})/port`, "is not between 0 and 65535");
  });
  const mappingNames = (app.container?.portMappings ?? []).flatMap((m) => (m.name ? [m.name] : []));
  if (new Set(mappingNames).size !== mappingNames.length)
    c.add("/container/portMappings", "Port names must be unique.");
}

function checkHealth(app: AppDefinition, c: Collector): void {
  const portCount = app.container?.portMappings?.length ?? app.portDefinitions.length;
  app.healthChecks.forEach((h, i) => {
    if (h.portIndex !== undefined && h.port === undefined && (h.portIndex < 0 || h.portIndex >= portCount))
      c.add(
        `/healthChecks(${i})`,
        "Health check port indices must address an element of the ports array or container port mappings.",
      );
    if (h.protocol === "COMMAND" && !h.command) c.add(`/healthChecks(${i})/command`, "must not be empty");
  });
  if (app.healthChecks.filter((h) => MESOS_CHECKS.includes(h.protocol)).length > 1)
    c.add("/healthChecks", "AppDefinition can contain at most one Mesos health check");
  if (app.readinessChecks.length > 1) c.add("/readinessChecks", "must have at most 1 element");
  const portNames = [...app.portDefinitions, ...(app.container?.portMappings ?? [])].map((p) => p.name);
  app.readinessChecks.forEach((r, i) => {
    if (!portNames.includes(r.portName))
      c.add(
        `/readinessChecks(${i})`,
        "Readiness checks must reference a port name defined in portDefinitions or portMappings",
      );
    if (r.timeoutSeconds >= r.intervalSeconds)
      c.add(`/readinessChecks(${i})`, "timeoutSeconds must be smaller than intervalSeconds");
  });
}

/** Every violation of Marathon's AppDefinition rules, grouped by JSON path (empty when valid). */
export function validateApp(
  app: AppDefinition,
  rawId: string,
  problems: NormalizeProblems = [],
): Violation[] {
  const c = new Collector();
  for (const error of pathIdErrors(rawId)) c.add("/id", error);
  for (const p of problems) c.add(p.path, p.error);
  const hasCommand = app.cmd !== undefined || app.args !== undefined;
  if ((!hasCommand && !app.container) || (app.cmd !== undefined && app.args !== undefined))
    c.add("/", COMMAND_MESSAGE);
  if (app.cmd !== undefined && app.cmd.trim() === "") c.add("/cmd", "must not be empty");
  checkNumbers(app, c);
  checkPorts(app, c);
  checkHealth(app, c);
  if (!EXECUTOR.test(app.executor))
    c.add("/executor", `must fully match regular expression '^(//cmd)|(/?[^/]+(/[^/]+)*)|$'`);
  app.constraints.forEach((constraint, i) => {
    const error = constraintError(constraint);
    if (error) c.add(`/constraints(${i})`, error);
  });
  const docker = app.container?.docker;
  if (app.container?.type === "DOCKER" && (!docker || !docker.image))
    c.add("/container/docker/image", "must not be empty");
  return c.violations();
}
