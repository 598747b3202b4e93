import type { Logger } from "../common/logger.js";
import { silentLogger } from "../common/logger.js";
import type { Allocator, AllocatorOptions } from "./allocator/allocator.js";

export interface MasterOptions {
  ip?: string;
  /** 0 picks any free port. */
  port?: number;
  hostname?: string;
  heartbeatIntervalSeconds?: number;
  allocationIntervalMs?: number;
  agentPingTimeoutMs?: number;
  maxAgentPingTimeouts?: number;
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
  /** Replaces the DRF allocator (tests). */
  createAllocator?: (options: AllocatorOptions) => Allocator;
}

export type ResolvedMasterOptions = Required<
  Omit<MasterOptions, "offerTimeoutMs" | "workDir" | "cluster" | "logDir" | "createAllocator" | "hostname">
> &
  Pick<MasterOptions, "offerTimeoutMs" | "workDir" | "cluster" | "logDir" | "createAllocator"> & {
    hostname: string;
  };

export function resolveMasterOptions(options: MasterOptions): ResolvedMasterOptions {
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
    bodyLimit: options.bodyLimit ?? 16 * 1024 * 1024,
    logger: options.logger ?? silentLogger(),
    maxCompletedFrameworks: options.maxCompletedFrameworks ?? 50,
    maxCompletedTasksPerFramework: options.maxCompletedTasksPerFramework ?? 1000,
    maxUnreachableTasksPerFramework: options.maxUnreachableTasksPerFramework ?? 1000,
    flags: options.flags ?? {},
  };
}
