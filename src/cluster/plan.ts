import { allocatePort } from "../common/ports.js";
import type { RoleLaunch } from "./runtime/runtime.js";
import type { StateDir } from "./state-dir.js";

export interface AgentShape {
  port?: number;
  resources?: string;
  attributes?: string;
  hostname?: string;
  flags?: Record<string, string>;
}

/** The part of a cluster spec that decides which roles run where. */
export interface ClusterShape {
  /** 127.0.0.1 unless ports are mapped to every interface. */
  bindAddress?: string;
  master?: { port?: number; flags?: Record<string, string> };
  agents: AgentShape[];
}

export interface ClusterPlan {
  bindAddress: string;
  master: RoleLaunch;
  agents: RoleLaunch[];
}

const TASK_PORTS_BASE = 31000;
const TASK_PORTS_PER_AGENT = 1000;

/** Each agent of a cluster gets its own task port range, so two agents never offer the same port. */
export const taskPortRange = (index: number): string => {
  const begin = TASK_PORTS_BASE + index * TASK_PORTS_PER_AGENT;
  return `[${begin}-${begin + TASK_PORTS_PER_AGENT - 1}]`;
};

function withTaskPorts(resources: string | undefined, index: number): string {
  const given = resources?.trim() ?? "";
  if (/(^|;)\s*ports\s*[:(]/.test(given)) return given;
  return [given, `ports:${taskPortRange(index)}`].filter(Boolean).join(";");
}

/** Chooses ports (the defaults when free, otherwise free ones) and the flags of every role. */
export async function planCluster(shape: ClusterShape, state: StateDir): Promise<ClusterPlan> {
  const ip = shape.bindAddress ?? "127.0.0.1";
  const host = ip === "0.0.0.0" ? "127.0.0.1" : ip;
  const masterPort = await allocatePort(shape.master?.port ?? 5050, ip);
  const masterUrl = `http://${host}:${masterPort}`;
  const master: RoleLaunch = {
    name: "master",
    role: "master",
    url: masterUrl,
    logPath: state.logPath("master"),
    flags: { ip, port: String(masterPort), work_dir: state.workDir("master"), ...shape.master?.flags },
  };
  const agents: RoleLaunch[] = [];
  for (const [index, agent] of shape.agents.entries()) {
    const name = `agent-${index + 1}`;
    const port = await allocatePort(agent.port ?? 5051 + index, ip);
    const flags: Record<string, string> = {
      ip,
      port: String(port),
      master: `${host}:${masterPort}`,
      work_dir: state.workDir(name),
      resources: withTaskPorts(agent.resources, index),
      ...(agent.attributes ? { attributes: agent.attributes } : {}),
      ...(agent.hostname ? { hostname: agent.hostname } : {}),
      ...agent.flags,
    };
    agents.push({ name, role: "agent", url: `http://${host}:${port}`, logPath: state.logPath(name), flags });
  }
  return { bindAddress: ip, master, agents };
}
