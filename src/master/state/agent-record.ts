import type { RecordIOStream } from "../../common/http-server.js";
import type { AgentCapabilityType, AgentInfo } from "../../mesos/agent-info.js";
import type { Resource } from "../../mesos/resource.js";

/** One registered agent: its info, its link stream and the timers that watch it. */
export interface AgentRecord {
  id: string;
  info: AgentInfo & { id: { value: string } };
  pid: string;
  version: string;
  capabilities: Array<{ type: AgentCapabilityType }>;
  total: Resource[];
  stream: RecordIOStream | undefined;
  /** False while disconnected (no offers) or deactivated. */
  active: boolean;
  registeredTime: number;
  reregisteredTime: number | undefined;
  pingTimer: NodeJS.Timeout | undefined;
  unreachableTimer: NodeJS.Timeout | undefined;
}
