import { allocatePort } from "../common/ports.js";
import { writeAgentCredentials } from "./agent-credentials.js";
import { CLUSTER_AGENT_CONTAINMENT } from "./agent-containment-flags.js";
import { agentLoopbackAddress, loopbackAliasesUsable } from "./agent-addresses.js";
import { mesosDnsLaunch } from "./mesosdns-launch.js";
import type { RoleLaunch } from "./runtime/runtime.js";
import { agentResourcesFlag, type AgentSpec, type ClusterSpec } from "./spec/index.js";
import type { StateDir } from "./state-dir.js";

export interface ClusterPlan {
  bindAddress: string;
  master: RoleLaunch;
  agents: RoleLaunch[];
  /** Present when the spec has a `marathon` block. */
  marathon?: RoleLaunch;
  /** Present when the spec has a `chronos` block. */
  chronos?: RoleLaunch;
  /** Present when the spec has a `consul` block. */
  consul?: RoleLaunch;
  /** Present when the spec has a `mesosdns` block. */
  mesosdns?: RoleLaunch;
  /** Present when the spec has a `registrator` block (it needs `consul`). */
  registrator?: RoleLaunch;
}

const textFlags = (flags: Record<string, string | number | boolean>): Record<string, string> =>
  Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, String(v)]));

/** The address clients use to reach a role bound to `ip`. */
export const reachableHost = (ip: string): string => (ip === "0.0.0.0" ? "127.0.0.1" : ip);

function agentFlags(
  agent: AgentSpec,
  ip: string,
  port: number,
  master: string,
  workDir: string,
): Record<string, string> {
  return {
    ip,
    port: String(port),
    master,
    work_dir: workDir,
    resources: agentResourcesFlag(agent.resources),
    containerizers: agent.containerizers.join(","),
    ...(agent.attributes ? { attributes: agent.attributes } : {}),
    hostname: agent.hostname ?? reachableHost(ip),
    ...CLUSTER_AGENT_CONTAINMENT,
    ...textFlags(agent.flags),
  };
}

/** Chooses the ports (each spec port when free, otherwise a free one) and the flags of every role. */
export async function planCluster(spec: ClusterSpec, state: StateDir): Promise<ClusterPlan> {
  const bindAddress = spec.mapPortsToHost ? "0.0.0.0" : "127.0.0.1";
  const masterIp = spec.master.ip ?? bindAddress;
  const masterPort = await allocatePort(spec.master.port, masterIp);
  const masterHost = reachableHost(masterIp);
  const secrets = writeAgentCredentials(state);
  const master: RoleLaunch = {
    name: "master",
    role: "master",
    url: `http://${masterHost}:${masterPort}`,
    logPath: state.logPath("master"),
    flags: {
      ip: masterIp,
      port: String(masterPort),
      work_dir: state.workDir("master"),
      authenticate_agents: "true",
      credentials: secrets.credentials,
      ...(spec.master.hostname ? { hostname: spec.master.hostname } : {}),
      ...textFlags(spec.master.flags),
    },
  };
  const agents: RoleLaunch[] = [];
  // Served on every interface, agents cannot be told apart by address; on loopback each has its own.
  const aliases = !spec.mapPortsToHost && spec.agents.length > 1 && (await loopbackAliasesUsable());
  for (const [index, agent] of spec.agents.entries()) {
    const name = `agent-${index + 1}`;
    const ip = agent.ip ?? (spec.mapPortsToHost ? bindAddress : agentLoopbackAddress(index, aliases));
    const port = await allocatePort(agent.port, ip);
    const flags = {
      credential: secrets.credential,
      ...agentFlags(agent, ip, port, `${masterHost}:${masterPort}`, state.workDir(name)),
    };
    agents.push({
      name,
      role: "agent",
      url: `http://${reachableHost(ip)}:${port}`,
      logPath: state.logPath(name),
      flags,
    });
  }
  const marathon =
    spec.marathon && (await marathonLaunch(spec.marathon.port, bindAddress, masterHost, masterPort, state));
  const chronos =
    spec.chronos &&
    (await chronosLaunch(spec.chronos.port, bindAddress, `${masterHost}:${masterPort}`, state));
  const consul = spec.consul && (await consulLaunch(spec.consul, bindAddress, state));
  const mesosdns =
    spec.mesosdns && (await mesosDnsLaunch(spec.mesosdns, bindAddress, `${masterHost}:${masterPort}`, state));
  const registrator =
    spec.registrator && consul && registratorLaunch(consul, `${masterHost}:${masterPort}`, state);
  return {
    bindAddress,
    master,
    agents,
    ...(marathon ? { marathon } : {}),
    ...(chronos ? { chronos } : {}),
    ...(consul ? { consul } : {}),
    ...(registrator ? { registrator } : {}),
    ...(mesosdns ? { mesosdns } : {}),
  };
}

/** Consul keeps its catalog and KV store in its work dir for the life of the cluster. */
async function consulLaunch(
  consul: { port: number; dnsPort: number },
  ip: string,
  state: StateDir,
): Promise<RoleLaunch> {
  const port = await allocatePort(consul.port, ip);
  const dnsPort = await allocatePort(consul.dnsPort, ip);
  return {
    name: "consul",
    role: "consul",
    url: `http://${reachableHost(ip)}:${port}`,
    logPath: state.logPath("consul"),
    flags: {
      client: ip,
      advertise: reachableHost(ip),
      http_port: String(port),
      dns_port: String(dnsPort),
      node: "consul",
      data_dir: state.workDir("consul"),
    },
  };
}

/** registrator follows the master and registers into Consul; its URL is the registry it writes to. */
function registratorLaunch(consul: RoleLaunch, master: string, state: StateDir): RoleLaunch {
  return {
    name: "registrator",
    role: "registrator",
    url: consul.url,
    logPath: state.logPath("registrator"),
    flags: {
      master,
      registry: `consul://${new URL(consul.url).host}`,
      hostname: "minimesos",
    },
  };
}

/** Chronos keeps its jobs, counters and schedules in its work dir for the life of the cluster. */
async function chronosLaunch(
  preferredPort: number,
  ip: string,
  master: string,
  state: StateDir,
): Promise<RoleLaunch> {
  const port = await allocatePort(preferredPort, ip);
  return {
    name: "chronos",
    role: "chronos",
    url: `http://${reachableHost(ip)}:${port}`,
    logPath: state.logPath("chronos"),
    flags: {
      master,
      http_address: ip,
      http_port: String(port),
      hostname: reachableHost(ip),
      storage: state.workDir("chronos"),
    },
  };
}

async function marathonLaunch(
  preferredPort: number,
  ip: string,
  masterHost: string,
  masterPort: number,
  state: StateDir,
): Promise<RoleLaunch> {
  const port = await allocatePort(preferredPort, ip);
  return {
    name: "marathon",
    role: "marathon",
    url: `http://${reachableHost(ip)}:${port}`,
    logPath: state.logPath("marathon"),
    flags: {
      master: `${masterHost}:${masterPort}`,
      http_address: ip,
      http_port: String(port),
      hostname: reachableHost(ip),
      storage: state.workDir("marathon"),
    },
  };
}
