import type { Logger } from "../common/logger.js";
import { OperatorSubscription } from "../mesos/operator-subscription.js";
import { LeaderDetector } from "../mesos/zk/leader-detector.js";
import type { DnsState } from "./dns-state.js";
import { stateFromOperator } from "./operator-source.js";
import { splitHostPort } from "./pid.js";
import { fetchMasterState } from "./state-poll.js";

export interface MasterSyncOptions {
  masters: readonly string[];
  /** `zk://host:2181/mesos`: the leading master comes from ZooKeeper, and follows it when it changes. */
  zk?: string;
  /** Follow the operator SUBSCRIBE stream; the poll then runs only while the stream is down. */
  subscribe: boolean;
  refreshSeconds: number;
  stateTimeoutSeconds: number;
  logger: Logger;
  onState(state: DnsState): void;
}

/**
 * Keeps the DNS input current: from the master's operator SUBSCRIBE stream (records change as events
 * arrive), and from a `/master/state` poll every `refreshSeconds` while there is no stream (or always,
 * with `subscribe` off), as Mesos-DNS polls.
 */
export class MasterSync {
  private subscription: OperatorSubscription | undefined;
  private detector: LeaderDetector | undefined;
  private masters: readonly string[];
  private pollTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private polling = false;

  constructor(private readonly options: MasterSyncOptions) {
    this.masters = options.masters;
  }

  /** Resolves at the first state (from either source), or after `waitMs` without one. */
  async start(waitMs: number): Promise<void> {
    const first = new Promise<void>((resolve) => {
      const original = this.options.onState;
      this.options.onState = (state) => {
        original(state);
        resolve();
      };
    });
    if (this.options.zk) this.detect(this.options.zk);
    else if (this.options.subscribe) this.subscribe();
    else void this.poll();
    this.armPoll();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([first, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.detector?.close();
    clearInterval(this.pollTimer);
    return this.subscription?.close() ?? Promise.resolve();
  }

  get streaming(): boolean {
    return this.subscription?.connected ?? false;
  }

  /** Mesos-DNS's `zk`: the leader's address from ZooKeeper, then the stream (or the poll) from that master. */
  private detect(zk: string): void {
    const detector = new LeaderDetector(zk);
    this.detector = detector;
    detector.on("warning", (error) => this.options.logger.warn({ err: error.message }, "ZooKeeper"));
    detector.on("leader", (leader) => {
      if (!leader || this.stopped || this.masters[0] === leader.address) return;
      this.options.logger.info({ leader: leader.address }, "new leading master from ZooKeeper");
      this.masters = [leader.address];
      void this.subscription?.close();
      this.subscription = undefined;
      if (this.options.subscribe) this.subscribe();
      else void this.poll();
    });
    detector.start();
  }

  private subscribe(): void {
    // Short backoff: the role may start before the master (the Docker runtime starts it first).
    const subscription = new OperatorSubscription({
      master: [...this.masters],
      reconnect: { initialDelayMs: 50, maxDelayMs: 1000 },
    });
    this.subscription = subscription;
    const emit = () => this.options.onState(stateFromOperator(subscription.mirror, subscription.master));
    subscription.on("change", emit);
    subscription.on("subscribed", ({ url }) =>
      this.options.logger.info({ master: url.origin }, "following the master's operator event stream"),
    );
    subscription.on("disconnected", ({ error, retryInMs }) => {
      this.options.logger.warn(
        { err: error.message, retryInMs },
        "operator event stream lost; subscribing again",
      );
    });
    subscription.on("error", (error) => this.options.logger.warn({ err: error }, "operator event stream"));
    subscription.start();
  }

  private armPoll(): void {
    this.pollTimer = setInterval(() => {
      if (!this.streaming) void this.poll();
    }, this.options.refreshSeconds * 1000);
  }

  /** Tries each master; a master that names another leader is left for that leader's state. */
  private async poll(): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      for (const master of this.masters) {
        try {
          let state = await fetchMasterState(master, this.options.stateTimeoutSeconds * 1000);
          const leader = splitHostPort(state.leader.slice(state.leader.indexOf("@") + 1));
          const asked = splitHostPort(master.replace(/^https?:\/\//, "").replace(/\/.*$/, ""));
          if (leader && asked && leader.host !== asked.host)
            state = await fetchMasterState(
              `${leader.host}:${leader.port}`,
              this.options.stateTimeoutSeconds * 1000,
            );
          if (state.leader === "" || this.stopped) continue;
          this.options.onState(state);
          return;
        } catch (error) {
          this.options.logger.debug({ err: error, master }, "no state from this master");
        }
      }
      this.options.logger.warn({ masters: this.masters }, "Failed to fetch state from any master");
    } finally {
      this.polling = false;
    }
  }
}
