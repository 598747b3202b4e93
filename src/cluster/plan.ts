import { allocatePort } from "../common/ports.js";
import { writeAgentCredentials } from "./agent-credentials.js";
import { CLUSTER_AGENT_CONTAINMENT } from "./agent-containment-flags.js";
import { agentLoopbackAddress, loopbackAliasesUsable } from "./agent-addresses.js";
import type { RoleLaunch } from "./runtime/runtime.js";
import { agentResourcesFlag, type AgentSpec, type ClusterSpec } from "./spec/index.js";
import type { StateDir } from "./state-dir.js";

export interface ClusterPlan {
  bindAddress: string;
  master: RoleLaunch;
  agents: RoleLaunch[];
  /** Present when the spec has a `marathon` block. */
  marathon?: RoleLaunch;
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
  return { bindAddress, master, agents, ...(marathon ? { marathon } : {}) };
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
