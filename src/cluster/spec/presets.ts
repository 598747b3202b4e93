import type { AgentSpec, ClusterSpec, MasterSpec } from "./cluster-spec.js";
import type { ClusterSpecInput, RuntimeKind } from "./cluster-schema.js";
import { withDefaultAgentResources } from "./agent-resources.js";
import {
  DEFAULT_CONTAINERIZERS,
  DEFAULT_LOGGING_LEVEL,
  DEFAULT_PORTS,
  DEFAULT_TIMEOUT_SECONDS,
} from "./defaults.js";
import type { LoggingLevel } from "./fields.js";
import { validateClusterSpec } from "./validate.js";

interface Preset {
  runtime: RuntimeKind;
  /** Leave unset ports at 0 (any free port) instead of the well-known defaults. */
  anyFreePort: boolean;
}

/** Gives each agent a distinct preferred port: the requested one, else 5051 + index, moved up past ports in use. */
function agentPorts(input: ClusterSpecInput, preset: Preset, masterPort: number): number[] {
  const used = new Set<number>([masterPort]);
  return (input.agents ?? [{}]).map((agent, index) => {
    let port = agent.port ?? (preset.anyFreePort ? 0 : DEFAULT_PORTS.firstAgent + index);
    if (port === 0) return 0;
    while (used.has(port) && port < 65535) port++;
    used.add(port);
    return port;
  });
}

function resolve(input: ClusterSpecInput, preset: Preset): ClusterSpec {
  const port = (given: number | undefined, fallback: number) => given ?? (preset.anyFreePort ? 0 : fallback);
  const loggingLevel: LoggingLevel = input.loggingLevel ?? DEFAULT_LOGGING_LEVEL;
  const m = input.master ?? {};
  const master: MasterSpec = {
    ...m,
    port: port(m.port, DEFAULT_PORTS.master),
    loggingLevel: m.loggingLevel ?? loggingLevel,
    authenticate: m.authenticate ?? false,
    flags: { ...m.flags },
  };
  const agentInputs = input.agents ?? [{}];
  const ports = agentPorts(input, preset, master.port);
  const agents = agentInputs.map((a, index): AgentSpec => ({
    ...a,
    port: ports[index] ?? 0,
    loggingLevel: a.loggingLevel ?? loggingLevel,
    resources: withDefaultAgentResources(a.resources ?? [], index, agentInputs.length),
    attributes: a.attributes ?? "",
    containerizers: [...(a.containerizers ?? DEFAULT_CONTAINERIZERS)],
    flags: { ...a.flags },
  }));
  const { zookeeper, marathon, chronos, mesosdns, consul, registrator } = input;
  return {
    ...(input.clusterName !== undefined && { clusterName: input.clusterName }),
    timeoutSeconds: input.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    loggingLevel,
    mapAgentSandboxVolume: input.mapAgentSandboxVolume ?? false,
    mapPortsToHost: input.mapPortsToHost ?? false,
    runtime: input.runtime ?? preset.runtime,
    master,
    agents,
    ...(zookeeper && { zookeeper: { port: port(zookeeper.port, DEFAULT_PORTS.zookeeper) } }),
    ...(marathon && {
      marathon: {
        port: port(marathon.port, DEFAULT_PORTS.marathon),
        apps: [...(marathon.apps ?? [])],
        groups: [...(marathon.groups ?? [])],
      },
    }),
    ...(chronos && { chronos: { port: port(chronos.port, DEFAULT_PORTS.chronos) } }),
    ...(mesosdns && {
      mesosdns: {
        port: port(mesosdns.port, DEFAULT_PORTS.mesosdnsDns),
        httpPort: port(mesosdns.httpPort, DEFAULT_PORTS.mesosdnsHttp),
      },
    }),
    ...(consul && {
      consul: {
        port: port(consul.port, DEFAULT_PORTS.consul),
        dnsPort: port(consul.dnsPort, DEFAULT_PORTS.consulDns),
      },
    }),
    ...(registrator && { registrator: {} }),
  };
}

/**
 * The CLI's cluster: runtime `process`, well-known ports (5050, 5051, ...) as preferences, one agent unless
 * the spec lists agents. Validates its input at run time too (throws ClusterSpecError).
 */
export const devPreset = (input: ClusterSpecInput = {}): ClusterSpec =>
  resolve(validateClusterSpec(input), { runtime: "process", anyFreePort: false });

/** The test library's cluster: runtime `inproc`, any free port wherever the spec names none. */
export const testPreset = (input: ClusterSpecInput = {}): ClusterSpec =>
  resolve(validateClusterSpec(input), { runtime: "inproc", anyFreePort: true });
