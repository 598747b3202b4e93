import type { Logger } from "../../common/logger.js";
import type { MasterInfo } from "../../mesos/master-info.js";
import { TypedListeners } from "../../mesos/typed-listeners.js";
import { LeaderDetector } from "../../mesos/zk/leader-detector.js";
import { MasterContender } from "../../mesos/zk/master-contender.js";
import type { LeaderInfo } from "../../mesos/zk/members.js";
import type { ElectionFlags } from "./election-flags.js";

export interface MasterElectionOptions extends ElectionFlags {
  info: MasterInfo;
  /** ZooKeeper session timeout (mesos-master's `--zk_session_timeout`, default 10 s). */
  sessionTimeoutMs?: number;
  logger?: Logger;
}

interface ElectionEvents {
  elected: { electedTime: number };
  lost: { reason: string; wasLeader: boolean };
  leader: LeaderInfo | undefined;
}

/**
 * A master's part in leader election through ZooKeeper, as mesos-master with `--zk` and `--quorum`: it contends
 * with a `json.info_` znode holding its MasterInfo and follows who leads. It counts as elected once its znode is
 * the lowest and at least `quorum` masters contend (the real master cannot recover its replicated registry
 * with fewer). When the session that holds its candidacy ends it loses for good (`onLostLeadership`): the
 * real master aborts there, and the runtime starts it again.
 */
export class MasterElection {
  private readonly contender: MasterContender;
  private readonly detector: LeaderDetector;
  private readonly listeners: TypedListeners<ElectionEvents>;
  private elected: number | undefined;
  private members: string[] = [];
  private zkLeads = false;
  private lostReason: string | undefined;

  constructor(private readonly options: MasterElectionOptions) {
    const session = { sessionTimeoutMs: options.sessionTimeoutMs ?? 10_000 };
    const log = options.logger;
    this.listeners = new TypedListeners((error) => log?.error({ err: error }, "election listener failed"));
    this.contender = new MasterContender(options.zk, options.info, session);
    this.detector = new LeaderDetector(options.zk, session);
    this.contender.on("elected", () => {
      this.zkLeads = true;
      this.maybeElected();
    });
    this.contender.on("members", (members) => {
      this.members = members;
      this.maybeElected();
    });
    this.contender.on("lost", ({ reason }) => this.lose(reason));
    this.contender.on("warning", (error) => log?.warn({ err: error }, "ZooKeeper contender"));
    this.detector.on("leader", (leader) => {
      log?.info(
        { leader: leader?.address, id: leader?.id },
        leader ? "Leading master detected" : "No leading master",
      );
      this.listeners.emit("leader", leader);
    });
    this.detector.on("warning", (error) => log?.warn({ err: error }, "ZooKeeper detector"));
  }

  /**
   * Contends and follows the leader; resolves once this master's znode exists. With `timeoutMs`, rejects
   * (naming the ZooKeeper) when that takes longer; the caller then stops the election.
   */
  async start(timeoutMs?: number): Promise<void> {
    this.detector.start();
    const znode = await this.contender.contend(timeoutMs);
    this.options.logger?.info({ znode, zk: this.options.zk.display }, "Contending for leadership");
  }

  get isLeader(): boolean {
    return this.elected !== undefined && this.lostReason === undefined;
  }
  /** The leading master as ZooKeeper names it (maybe this one), for redirects and `leader_info`. */
  get leader(): LeaderInfo | undefined {
    return this.detector.leader;
  }
  /** When this master was elected, in seconds since the epoch (`elected_time` in state), or undefined. */
  get electedTime(): number | undefined {
    return this.isLeader ? this.elected : undefined;
  }
  get contending(): number {
    return this.members.length;
  }

  onElected(listener: (payload: ElectionEvents["elected"]) => void): () => void {
    return this.listeners.on("elected", listener);
  }
  onLostLeadership(listener: (payload: ElectionEvents["lost"]) => void): () => void {
    return this.listeners.on("lost", listener);
  }
  onLeaderChange(listener: (leader: LeaderInfo | undefined) => void): () => void {
    return this.listeners.on("leader", listener);
  }

  /** Withdraws (ZooKeeper deletes the znode at once, so another master takes over) and stops following. */
  stop(): void {
    this.contender.withdraw();
    this.detector.close();
    this.listeners.clear();
  }

  private maybeElected(): void {
    if (this.elected !== undefined || !this.zkLeads || this.lostReason !== undefined) return;
    if (this.members.length < this.options.quorum) {
      this.options.logger?.info(
        { contending: this.members.length, quorum: this.options.quorum },
        "Leading in ZooKeeper; waiting for a quorum of masters",
      );
      return;
    }
    this.elected = Date.now() / 1000;
    this.options.logger?.info({ znode: this.contender.znode }, "Elected as the leading master");
    this.listeners.emit("elected", { electedTime: this.elected });
  }

  private lose(reason: string): void {
    const wasLeader = this.isLeader;
    this.lostReason = reason;
    this.options.logger?.error({ reason, wasLeader }, "Lost leadership candidacy");
    this.listeners.emit("lost", { reason, wasLeader });
  }
}
