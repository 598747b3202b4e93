import type { Logger } from "../common/logger.js";
import type { MasterInfo } from "../mesos/master-info.js";
import type { Allocator } from "./allocator/allocator.js";
import type { MasterCounters } from "./metrics.js";
import type { OperatorEventHub } from "./operator-api/event-hub.js";
import type { ResolvedMasterOptions } from "./options.js";
import type { AgentRegistry } from "./state/agents.js";
import type { FrameworkRegistry } from "./state/frameworks.js";
import type { MasterIds } from "./state/ids.js";
import type { OfferRegistry } from "./state/offers.js";
import type { Registrar } from "./registry/registrar.js";
import type { Leadership } from "./election/leadership.js";

/** Everything the master's parts share. The core modules are functions over this. */
export interface MasterContext {
  readonly options: ResolvedMasterOptions;
  readonly logger: Logger;
  readonly info: MasterInfo;
  /** Seconds since the epoch. */
  readonly startTime: number;
  readonly ids: MasterIds;
  readonly frameworks: FrameworkRegistry;
  readonly agents: AgentRegistry;
  readonly offers: OfferRegistry;
  readonly allocator: Allocator;
  readonly operatorEvents: OperatorEventHub;
  readonly counters: MasterCounters;
  /**
   * Keeps admitted agents across restarts (work dir, or ZooKeeper with --zk); none with `--registry=in_memory`
   * or no work dir. With --zk it is opened on election.
   */
  registrar: Registrar | undefined;
  /** Whether this master leads, and who does (always itself without --zk). */
  leadership: Leadership;
  /** Marks registry agents that do not come back after a restart unreachable. */
  reregisterTimer: NodeJS.Timeout | undefined;
  /** True once stop() began: nothing new is started. */
  stopping: boolean;
}
