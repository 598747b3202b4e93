import type { Logger } from "../../common/logger.js";
import type { MasterInfo } from "../../mesos/master-info.js";
import type { ElectionFlags } from "./election-flags.js";
import { leaderViewFromZk, type Leadership, type LeaderView } from "./leadership.js";
import { MasterElection } from "./master-election.js";

export interface ZkLeadershipOptions extends ElectionFlags {
  info: MasterInfo;
  sessionTimeoutMs?: number;
  logger: Logger;
  /** Runs once, on election: reads the registry and recovers. The master leads once it resolves. */
  onElected: () => Promise<void>;
  /** The master must end: it led and lost its ZooKeeper session, or could not recover (Mesos aborts). */
  onFatal: (error: Error) => void;
}

/**
 * Leadership of a master started with --zk, as mesos-master has it: it acts as master only once elected and
 * recovered; a master that loses its candidacy (its ZooKeeper session ended) ends through onFatal, and its
 * supervisor starts it again. Mesos aborts a leader there; its followers contend again instead.
 */
export class ZkLeadership implements Leadership {
  private readonly election: MasterElection;
  private recovered = false;
  private stopped = false;

  constructor(private readonly options: ZkLeadershipOptions) {
    this.election = this.newElection();
  }

  get isLeader(): boolean {
    return this.recovered && this.election.isLeader;
  }
  get leader(): LeaderView | undefined {
    const leader = this.election.leader;
    return leader ? leaderViewFromZk(leader) : undefined;
  }
  get electedTime(): number | undefined {
    return this.isLeader ? this.election.electedTime : undefined;
  }

  /** Contends; rejects (naming the ZooKeeper) when its znode cannot be created within `timeoutMs`. */
  start(timeoutMs: number): Promise<void> {
    return this.election.start(timeoutMs);
  }

  /** Withdraws the candidacy: ZooKeeper deletes the znode at once and another master takes over. */
  stop(): void {
    this.stopped = true;
    this.election.stop();
  }

  private newElection(): MasterElection {
    const { zk, quorum, info, sessionTimeoutMs, logger } = this.options;
    const election = new MasterElection({
      zk,
      quorum,
      info,
      logger,
      ...(sessionTimeoutMs !== undefined ? { sessionTimeoutMs } : {}),
    });
    election.onElected(() => {
      this.options.onElected().then(
        () => {
          this.recovered = true;
          logger.info("Recovered the registry; acting as the leading master");
        },
        (error: unknown) =>
          this.options.onFatal(new Error(`Recovery failed after election: ${(error as Error).message}`)),
      );
    });
    election.onLostLeadership(({ reason, wasLeader }) => {
      if (this.stopped) return;
      // Mesos aborts a leader here (a follower contends again there; here it ends too, and is restarted).
      const role = wasLeader ? "leadership" : "candidacy";
      this.options.onFatal(new Error(`Lost ${role} in ZooKeeper (${reason}); the master must end`));
    });
    return election;
  }
}
