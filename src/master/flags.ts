import { formatDuration } from "../common/duration.js";
import type { FlagSpecs, FlagValue } from "../common/flags.js";
import type { MasterOptions } from "./options.js";
import { readCredentials } from "../mesos/credentials.js";
import { parseElectionFlags } from "./election/election-flags.js";

/** The master's flags, with Mesos's names and (where they differ on purpose) our defaults. */
export const MASTER_FLAGS: FlagSpecs = {
  ip: { kind: "string", help: "IP address to listen on", default: "127.0.0.1" },
  port: { kind: "number", help: "Port to listen on (0 = any free port)", default: "5050" },
  hostname: { kind: "string", help: "Hostname the master advertises (default: the IP)" },
  work_dir: { kind: "string", help: "Directory for the master's working data" },
  cluster: { kind: "string", help: "Human readable name for the cluster" },
  allocation_interval: {
    kind: "duration",
    help: "Batching window of the event-driven allocator (Mesos's periodic default is 1secs)",
    default: "5ms",
  },
  agent_ping_timeout: { kind: "duration", help: "Timeout of one agent ping", default: "15secs" },
  max_agent_ping_timeouts: {
    kind: "number",
    help: "Missed pings after which a disconnected agent is marked unreachable",
    default: "5",
  },
  offer_timeout: { kind: "duration", help: "Rescind offers outstanding this long (default: never)" },
  heartbeat_interval: {
    kind: "duration",
    help: "Interval of scheduler and operator HEARTBEAT events",
    default: "5secs",
  },
  max_completed_frameworks: { kind: "number", help: "Completed frameworks kept in memory", default: "50" },
  max_completed_tasks_per_framework: {
    kind: "number",
    help: "Completed tasks kept per framework",
    default: "1000",
  },
  max_unreachable_tasks_per_framework: {
    kind: "number",
    help: "Unreachable tasks kept per framework",
    default: "1000",
  },
  registry: {
    kind: "string",
    help: "Where admitted agents are kept across restarts: replicated_log (<work_dir>/registry.json) or in_memory",
    default: "replicated_log",
  },
  agent_reregister_timeout: {
    kind: "duration",
    help: "After a restart, agents that have not re-registered within this are marked unreachable",
    default: "10mins",
  },
  hostname_lookup: { kind: "boolean", help: "Accepted for compatibility", default: "true" },
  quiet: { kind: "boolean", help: "Log less", default: "false" },
  log_dir: { kind: "string", help: "Directory for log files (reported in /master/state)" },
  authenticate_agents: {
    kind: "boolean",
    help: "Only agents presenting credentials of --credentials may register and send updates",
    default: "false",
  },
  credentials: {
    kind: "string",
    help: "File (or file:// URL) of principals and secrets: JSON {credentials:[...]} or 'principal secret' lines",
  },
  zk: {
    kind: "string",
    help: "ZooKeeper URL for leader election among masters (zk://host:port[,host:port]/path); the registry is kept there too",
  },
  quorum: {
    kind: "number",
    help: "Masters that must contend before one counts as elected (needed with --zk)",
  },
  zk_session_timeout: { kind: "duration", help: "ZooKeeper session timeout", default: "10secs" },
};

export class UnsupportedFlagError extends Error {}

/** Every set flag as text, the way `/master/flags` reports them. */
export function flagsAsText(values: Record<string, FlagValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out[name] = MASTER_FLAGS[name]?.kind === "duration" ? formatDuration(value as number) : String(value);
  }
  return out;
}

const num = (v: FlagValue): number | undefined => (typeof v === "number" ? v : undefined);
const str = (v: FlagValue): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** Turns parsed flags into startMaster options. */
export function masterOptionsFromFlags(values: Record<string, FlagValue>): MasterOptions {
  let election;
  try {
    election = parseElectionFlags(str(values.zk), num(values.quorum));
  } catch (error) {
    throw new UnsupportedFlagError((error as Error).message);
  }
  const heartbeatMs = num(values.heartbeat_interval);
  const registry = str(values.registry);
  if (registry !== undefined && registry !== "replicated_log" && registry !== "in_memory")
    throw new UnsupportedFlagError(
      `Invalid --registry '${registry}': expected 'replicated_log' or 'in_memory'`,
    );
  return {
    ip: str(values.ip),
    port: num(values.port),
    hostname: str(values.hostname),
    workDir: str(values.work_dir),
    cluster: str(values.cluster),
    logDir: str(values.log_dir),
    allocationIntervalMs: num(values.allocation_interval),
    agentPingTimeoutMs: num(values.agent_ping_timeout),
    maxAgentPingTimeouts: num(values.max_agent_ping_timeouts),
    agentReregisterTimeoutMs: num(values.agent_reregister_timeout),
    authenticateAgents: values.authenticate_agents === true,
    ...(str(values.credentials) ? { credentials: readCredentials(str(values.credentials)!) } : {}),
    registry,
    offerTimeoutMs: num(values.offer_timeout),
    heartbeatIntervalSeconds: heartbeatMs === undefined ? undefined : heartbeatMs / 1000,
    maxCompletedFrameworks: num(values.max_completed_frameworks),
    maxCompletedTasksPerFramework: num(values.max_completed_tasks_per_framework),
    maxUnreachableTasksPerFramework: num(values.max_unreachable_tasks_per_framework),
    ...(election ? { zk: { ...election, sessionTimeoutMs: num(values.zk_session_timeout) } } : {}),
    flags: flagsAsText(values),
  };
}
