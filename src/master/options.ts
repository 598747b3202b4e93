import type { Credential } from "../mesos/credentials.js";
import { formatDuration } from "../common/duration.js";
import type { Logger } from "../common/logger.js";
import { silentLogger } from "../common/logger.js";
import type { Allocator, AllocatorOptions } from "./allocator/allocator.js";
import type { ElectionFlags } from "./election/election-flags.js";

/** Leader election through ZooKeeper (mesos-master's `--zk`, `--quorum`, `--zk_session_timeout`). */
export interface MasterZkOptions extends ElectionFlags {
  /** Default 10 s, as in Mesos. */
  sessionTimeoutMs?: number;
  /** How long start-up waits for ZooKeeper before failing with an error naming it. Default 15 s. */
  connectTimeoutMs?: number;
}

export interface MasterOptions {
  ip?: string;
  /** 0 picks any free port. */
  port?: number;
  hostname?: string;
  heartbeatIntervalSeconds?: number;
  allocationIntervalMs?: number;
  agentPingTimeoutMs?: number;
  maxAgentPingTimeouts?: number;
  /** After a restart, agents of the registry that have not re-registered by then are marked unreachable. */
  agentReregisterTimeoutMs?: number;
  /** `replicated_log` keeps the registry in `<workDir>/registry.json` (needs workDir); `in_memory` keeps nothing. */
  registry?: "replicated_log" | "in_memory";
  /** Refuse agent-link calls without credentials of `credentials` (Mesos's `--authenticate_agents`). */
  authenticateAgents?: boolean;
  credentials?: Credential[];
  /** Outstanding offers are rescinded after this long; unset means never. */
  offerTimeoutMs?: number;
  bodyLimit?: number;
  logger?: Logger;
  workDir?: string;
  cluster?: string;
  logDir?: string;
  maxCompletedFrameworks?: number;
  maxCompletedTasksPerFramework?: number;
  maxUnreachableTasksPerFramework?: number;
  /** Every flag as text, reported by /master/flags and GET_FLAGS. */
  flags?: Record<string, string>;
  /**
   * Contend for leadership in ZooKeeper: the master serves at once but acts as master only once elected, and
   * keeps its registry in the znode `<path>/registry` instead of the work dir.
   */
  zk?: MasterZkOptions;
  /** Replaces the DRF allocator (tests). */
  createAllocator?: (options: AllocatorOptions) => Allocator;
}

export type ResolvedMasterOptions = Required<
  Omit<
    MasterOptions,
    | "offerTimeoutMs"
    | "workDir"
    | "cluster"
    | "logDir"
    | "createAllocator"
    | "hostname"
    | "credentials"
    | "zk"
  >
> &
  Pick<
    MasterOptions,
    "offerTimeoutMs" | "workDir" | "cluster" | "logDir" | "createAllocator" | "credentials" | "zk"
  > & {
    hostname: string;
  };

/** The flags a master started from code reports: its effective settings, in Mesos's text form. */
function flagsOf(o: Omit<ResolvedMasterOptions, "flags">): Record<string, string> {
  const flags: Record<string, string> = {
    ip: o.ip,
    port: String(o.port),
    hostname: o.hostname,
    allocation_interval: formatDuration(o.allocationIntervalMs),
    agent_ping_timeout: formatDuration(o.agentPingTimeoutMs),
    max_agent_ping_timeouts: String(o.maxAgentPingTimeouts),
    heartbeat_interval: formatDuration(o.heartbeatIntervalSeconds * 1000),
    max_completed_frameworks: String(o.maxCompletedFrameworks),
    max_completed_tasks_per_framework: String(o.maxCompletedTasksPerFramework),
    max_unreachable_tasks_per_framework: String(o.maxUnreachableTasksPerFramework),
    agent_reregister_timeout: formatDuration(o.agentReregisterTimeoutMs),
    registry: o.registry,
    authenticate_agents: String(o.authenticateAgents),
  };
  if (o.offerTimeoutMs !== undefined) flags.offer_timeout = formatDuration(o.offerTimeoutMs);
  if (o.workDir) flags.work_dir = o.workDir;
  if (o.cluster) flags.cluster = o.cluster;
  if (o.logDir) flags.log_dir = o.logDir;
  if (o.zk) {
    flags.zk = o.zk.zk.display;
    flags.quorum = String(o.zk.quorum);
    flags.zk_session_timeout = formatDuration(o.zk.sessionTimeoutMs ?? 10_000);
  }
  return flags;
}

export function resolveMasterOptions(options: MasterOptions): ResolvedMasterOptions {
  if (options.authenticateAgents && !options.credentials?.length)
    throw new Error("--authenticate_agents needs --credentials with at least one principal and secret");
  const resolved = resolveValues(options);
  return { ...resolved, flags: options.flags ?? flagsOf(resolved) };
}

function resolveValues(options: MasterOptions): Omit<ResolvedMasterOptions, "flags"> {
  const ip = options.ip ?? "127.0.0.1";
  return {
    ...options,
    ip,
    port: options.port ?? 5050,
    hostname: options.hostname ?? ip,
    heartbeatIntervalSeconds: options.heartbeatIntervalSeconds ?? 5,
    allocationIntervalMs: options.allocationIntervalMs ?? 5,
    agentPingTimeoutMs: options.agentPingTimeoutMs ?? 15_000,
    maxAgentPingTimeouts: options.maxAgentPingTimeouts ?? 5,
    agentReregisterTimeoutMs: options.agentReregisterTimeoutMs ?? 10 * 60_000,
    registry: options.registry ?? "replicated_log",
    authenticateAgents: options.authenticateAgents ?? false,
    bodyLimit: options.bodyLimit ?? 16 * 1024 * 1024,
    logger: options.logger ?? silentLogger(),
    maxCompletedFrameworks: options.maxCompletedFrameworks ?? 50,
    maxCompletedTasksPerFramework: options.maxCompletedTasksPerFramework ?? 1000,
    maxUnreachableTasksPerFramework: options.maxUnreachableTasksPerFramework ?? 1000,
  };
}
