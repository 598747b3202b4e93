import { Backoff } from "./backoff.js";
import { ClientClosedError } from "./client-errors.js";
import { expectSuccess, postJson } from "./http-transport.js";
import { masterOrigin } from "./master-address.js";
import type { MasterInfo } from "./master-info.js";
import type { GetMasterAnswer, OperatorEvent, OperatorState } from "./operator-events.js";
import { OperatorMirror } from "./operator-mirror.js";
import { openSubscription, type Subscription } from "./subscription.js";
import { TypedListeners } from "./typed-listeners.js";

export interface OperatorSubscriptionOptions {
  /** `host:port` or `http://host:port`, or several (any master: the stream follows 307 to the leader). */
  master: string | string[];
  /** Re-subscription backoff after a lost stream (default 100 ms doubling up to 5 s). */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Missed heartbeats after which a silent stream counts as dead (default 3). */
  heartbeatTimeoutFactor?: number;
  /** Timeout of each call and of the wait for SUBSCRIBED (default 10 s). */
  requestTimeoutMs?: number;
  /** After AGENT_ADDED, or an update of a task the mirror never saw, GET_STATE after this delay (default 20 ms). */
  resyncDelayMs?: number;
}

export interface OperatorSubscriptionEvents {
  /** A stream is open and its snapshot is in `mirror`; `master` is the leader's MasterInfo (GET_MASTER). */
  subscribed: { url: URL; master: MasterInfo | undefined };
  /** Every event as it arrived (SUBSCRIBED and HEARTBEAT included), after the mirror applied it. */
  event: OperatorEvent;
  /** The mirror changed: after a snapshot, an event that is not a heartbeat, or a resync. */
  change: OperatorMirror;
  /** The stream ended or could not be opened; the next attempt follows in `retryInMs`. */
  disconnected: { error: Error; retryInMs: number };
  /** A listener threw or a resync failed (the subscription carries on). */
  error: Error;
}

const OPERATOR_PATH = "/api/v1";

/**
 * A client of the master's operator API v1 `SUBSCRIBE` stream: the SUBSCRIBED snapshot, then TASK_ADDED,
 * TASK_UPDATED, AGENT_ADDED/REMOVED and FRAMEWORK_ADDED/UPDATED/REMOVED, all kept in `mirror`. After the
 * master goes away or restarts (stream ended, or heartbeats missed) it subscribes again with backoff and
 * starts from the new snapshot.
 */
export class OperatorSubscription implements AsyncDisposable {
  readonly mirror = new OperatorMirror();
  private readonly masters: URL[];
  private readonly listeners = new TypedListeners<OperatorSubscriptionEvents>((error) =>
    this.listeners.emit("error", error instanceof Error ? error : new Error(String(error))),
  );
  private readonly backoff: Backoff;
  private readonly timeoutMs: number;
  private connection: Subscription<OperatorEvent> | undefined;
  private streamUrl: URL | undefined;
  private currentMaster: MasterInfo | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private resyncTimer: NodeJS.Timeout | undefined;
  private candidate = 0;
  private closed = false;
  private started = false;
  private resolveFirst: () => void = () => undefined;
  /** Resolves at the first SUBSCRIBED. */
  readonly firstSnapshot: Promise<void>;

  constructor(private readonly options: OperatorSubscriptionOptions) {
    const masters = Array.isArray(options.master) ? options.master : [options.master];
    if (masters.length === 0) throw new Error("OperatorSubscription needs at least one master address");
    this.masters = masters.map(masterOrigin);
    this.backoff = new Backoff(
      options.reconnect?.initialDelayMs ?? 100,
      options.reconnect?.maxDelayMs ?? 5000,
    );
    this.timeoutMs = options.requestTimeoutMs ?? 10_000;
    this.firstSnapshot = new Promise((resolve) => (this.resolveFirst = resolve));
  }

  /** The leading master's MasterInfo, as GET_MASTER answered after the last SUBSCRIBED. */
  get master(): MasterInfo | undefined {
    return this.currentMaster;
  }

  /** Whether a stream is open now. */
  get connected(): boolean {
    return this.streamUrl !== undefined;
  }

  on<K extends keyof OperatorSubscriptionEvents>(
    name: K,
    listener: (payload: OperatorSubscriptionEvents[K]) => void,
  ): () => void {
    return this.listeners.on(name, listener);
  }

  /** Starts subscribing (and re-subscribing) until `close()`. Listen first; `firstSnapshot` tells when data is in. */
  start(): this {
    if (this.started || this.closed) return this;
    this.started = true;
    this.connect();
    return this;
  }

  close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.heartbeatTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.resyncTimer);
    this.connection?.close();
    this.connection = undefined;
    this.streamUrl = undefined;
    this.listeners.clear();
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private connect(): void {
    if (this.closed) return;
    const master = this.masters[this.candidate % this.masters.length] as URL;
    const subscription: Subscription<OperatorEvent> = openSubscription<OperatorEvent>({
      url: new URL(OPERATOR_PATH, master),
      body: JSON.stringify({ type: "SUBSCRIBE" }),
      timeoutMs: this.timeoutMs,
      maxRedirects: 5,
      onOpen: ({ url }) => {
        if (this.connection === subscription) this.streamUrl = url;
      },
      onEvent: (event) => {
        if (this.connection === subscription) this.handle(event);
      },
      onEnd: (error) => {
        if (this.connection === subscription) this.lost(error);
      },
    });
    this.connection = subscription;
    subscription.ready.then(
      () => this.backoff.reset(),
      (error: unknown) => {
        if (this.connection === subscription && !(error instanceof ClientClosedError))
          this.lost(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  private lost(error: Error): void {
    if (this.closed) return;
    this.connection?.close();
    this.connection = undefined;
    this.streamUrl = undefined;
    clearTimeout(this.heartbeatTimer);
    clearTimeout(this.resyncTimer);
    this.candidate++;
    const retryInMs = this.backoff.next();
    this.listeners.emit("disconnected", { error, retryInMs });
    this.retryTimer = setTimeout(() => this.connect(), retryInMs);
  }

  private handle(event: OperatorEvent): void {
    this.armHeartbeat(event);
    if (event.type === "SUBSCRIBED") this.sinceResync = undefined;
    else if (event.type !== "HEARTBEAT") this.sinceResync?.push(event);
    const known = this.mirror.apply(event);
    if (event.type === "SUBSCRIBED") {
      void this.announceSubscribed();
    } else if (event.type !== "HEARTBEAT" && !this.announcing) {
      this.listeners.emit("change", this.mirror);
    }
    this.listeners.emit("event", event);
    // A re-registering agent brings its tasks without TASK_ADDED: look at the whole state again.
    if (!known || event.type === "AGENT_ADDED") this.scheduleResync();
  }

  private async announceSubscribed(): Promise<void> {
    const url = this.streamUrl;
    if (!url) return;
    // Changes until GET_MASTER answers are announced with the snapshot, once the leader is known.
    this.announcing = true;
    this.currentMaster = await this.getMaster(url).catch(() => undefined);
    this.announcing = false;
    if (this.streamUrl !== url || this.closed) return;
    this.listeners.emit("change", this.mirror);
    this.listeners.emit("subscribed", { url, master: this.currentMaster });
    this.resolveFirst();
  }

  /** A stream that sends nothing (not even HEARTBEAT) for `factor` intervals is treated as gone. */
  private armHeartbeat(event: OperatorEvent): void {
    if (event.type === "SUBSCRIBED") {
      const seconds = event.subscribed.heartbeat_interval_seconds;
      this.heartbeatMs = seconds && seconds > 0 ? seconds * 1000 : undefined;
    }
    clearTimeout(this.heartbeatTimer);
    if (this.heartbeatMs === undefined) return;
    const timeout = this.heartbeatMs * (this.options.heartbeatTimeoutFactor ?? 3);
    this.heartbeatTimer = setTimeout(
      () => this.lost(new Error(`No heartbeat from the master within ${timeout} ms`)),
      timeout,
    );
  }
  private heartbeatMs: number | undefined;
  private announcing = false;
  /** Events that arrived while a GET_STATE was under way. */
  private sinceResync: OperatorEvent[] | undefined;

  private scheduleResync(): void {
    if (this.resyncTimer) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = undefined;
      const url = this.streamUrl;
      if (!url) return;
      const seen: OperatorEvent[] = [];
      this.sinceResync = seen;
      this.call<{ get_state: OperatorState }>(url, { type: "GET_STATE" }).then(
        (answer) => {
          if (this.streamUrl !== url || this.closed || this.sinceResync !== seen) return;
          this.sinceResync = undefined;
          // Events that raced the answer are applied again: each one is idempotent on the snapshot.
          this.mirror.reset(answer.get_state);
          for (const event of seen) this.mirror.apply(event);
          this.listeners.emit("change", this.mirror);
        },
        (error: unknown) =>
          this.listeners.emit("error", error instanceof Error ? error : new Error(String(error))),
      );
    }, this.options.resyncDelayMs ?? 20);
  }

  private getMaster(url: URL): Promise<GetMasterAnswer["get_master"]["master_info"]> {
    return this.call<GetMasterAnswer>(url, { type: "GET_MASTER" }).then((a) => a.get_master.master_info);
  }

  private async call<T>(streamUrl: URL, body: unknown): Promise<T> {
    const url = new URL(OPERATOR_PATH, streamUrl.origin);
    const answer = await postJson(url, JSON.stringify(body), { timeoutMs: this.timeoutMs });
    expectSuccess(url, answer);
    return JSON.parse(answer.body) as T;
  }
}
