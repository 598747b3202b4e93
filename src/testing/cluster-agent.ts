import type { RoleLaunch } from "../cluster/runtime/runtime.js";
import type { AgentStatus } from "./cluster-roles.js";
import { agentHostname, agentPid } from "../cluster/agent-pid.js";

/** One agent of a started cluster, as it is now. */
export interface ClusterAgent {
  /** 0-based position in the spec's `agents`. */
  readonly index: number;
  /** `agent-1`, `agent-2`, ... */
  readonly name: string;
  /** The id the master gave; it stays the same across restarts. */
  readonly id: string;
  /** `http://127.0.0.1:<port>`; the same port across restarts. */
  readonly url: string;
  readonly hostname: string;
  /** `slave(1)@ip:port`, as the master's state lists it. */
  readonly pid: string;
  readonly status: AgentStatus;
}

export function clusterAgent(
  index: number,
  id: string,
  status: AgentStatus,
  launch: RoleLaunch,
  url: string,
): ClusterAgent {
  return {
    index,
    name: launch.name,
    id,
    url,
    hostname: agentHostname(launch.flags),
    pid: agentPid(launch.flags),
    status,
  };
}
