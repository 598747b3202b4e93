import { MesosErrorEvent, isTransientFailure } from "./client-errors.js";
import { ClientEventHub } from "./client-event-hub.js";
import { Backoff } from "./backoff.js";
import { CallAgents, expectSuccess, postJson } from "./http-transport.js";
import { locateMasters, type MasterLocator } from "./master-locator.js";
import { openSubscription, type Subscription } from "./subscription.js";
import { schedulerCalls, type SubscribeOptions } from "./scheduler-calls.js";
import { SchedulerCallMethods } from "./scheduler-call-methods.js";
import {
  isFinalSchedulerError,
  type SchedulerClientEvents,
  type SchedulerSubscription,
} from "./scheduler-events.js";
import type { FrameworkInfo } from "./framework.js";
import type { ID } from "./ids.js";
import type { MasterInfo } from "./master-info.js";
import type { SchedulerCall, SchedulerEvent } from "./scheduler-protocol.js";

export interface SchedulerClientOptions {
  /**
   * `host:port`, `http://host:port`, or several of them (any master; the client follows 307 to the leader), or
   * one `zk://host:port[,host:port]/path`: the client reads the leader from ZooKeeper and re-subscribes to each
   * new leader with its framework id.
   */
  master: string | string[];
  /** For `zk://` masters: the ZooKeeper session timeout asked for (default 10 s). */
  zookeeper?: { sessionTimeoutMs?: number };
  frameworkInfo: FrameworkInfo;
  suppressedRoles?: string[];
  /** Re-subscription backoff after a lost stream (doubling, capped), or `false` to stop instead. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number } | false;
  /** Missed heartbeats after which the stream counts as dead (default 5). */
  heartbeatTimeoutFactor?: number;
  /** Acknowledge every UPDATE that carries a uuid once its listeners ran (default false). */
  autoAcknowledge?: boolean;
  /** Timeout for each call and for the wait for SUBSCRIBED (default 10 s). */
  requestTimeoutMs?: number;
}

export type SchedulerClientState = "idle" | "subscribing" | "subscribed" | "reconnecting" | "closed";

const SCHEDULER_PATH = "/api/v1/scheduler";
const MAX_REDIRECTS = 5;

/** A framework's connection to the Mesos master through the v1 scheduler HTTP API. */
export class SchedulerClient extends SchedulerCallMethods implements AsyncDisposable {
  private readonly masters: MasterLocator;
  private readonly stopFollowing: () => void;
  private readonly hub = new ClientEventHub<SchedulerClientEvents, SchedulerEvent>();
  private readonly agents = new CallAgents();
  private readonly backoff: Backoff;
  private readonly timeoutMs: number;
  private frameworkInfo: FrameworkInfo;
  private subscribeOptions: SubscribeOptions;
  private connection: Subscription<SchedulerEvent> | undefined;
  private currentState: SchedulerClientState = "idle";
  private callUrl: URL | undefined;
  private currentStreamId: string | undefined;
  private currentFrameworkId: ID | undefined;
  private heartbeatIntervalSeconds = 15;
  private masterInfo: MasterInfo | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private finalError: Error | undefined;
  private subscribedBefore = false;
  private closedNotified = false;

  constructor(private readonly options: SchedulerClientOptions) {
    super();
    this.masters = locateMasters(options.master, options.zookeeper);
    this.stopFollowing = this.masters.onLeaderChange((leader) => this.followLeader(leader));
    this.frameworkInfo = options.frameworkInfo;
    this.subscribeOptions = { suppressedRoles: options.suppressedRoles };
    const reconnect = options.reconnect || {};
    this.backoff = new Backoff(reconnect.initialDelayMs ?? 100, reconnect.maxDelayMs ?? 15_000);
    this.timeoutMs = options.requestTimeoutMs ?? 10_000;
  }

  get state(): SchedulerClientState {
    return this.currentState;
  }
  get frameworkId(): ID | undefined {
    return this.currentFrameworkId;
  }
  get streamId(): string | undefined {
    return this.currentStreamId;
  }
  /** Origin of the master the stream is open to (the leader), e.g. `http://127.0.0.1:5050`. */
  get leader(): string | undefined {
    return this.callUrl?.origin;
  }

  /** Listens to one event type (typed payload), to `event` (all), or to a lifecycle notice. Returns `off`. */
  on<K extends keyof SchedulerClientEvents>(
    name: K,
    listener: (payload: SchedulerClientEvents[K]) => void,
  ): () => void {
    return this.hub.on(name, listener);
  }
  once<K extends keyof SchedulerClientEvents>(
    name: K,
    listener: (payload: SchedulerClientEvents[K]) => void,
  ) {
    return this.hub.once(name, listener);
  }
  off<K extends keyof SchedulerClientEvents>(
    name: K,
    listener: (payload: SchedulerClientEvents[K]) => void,
  ): void {
    this.hub.off(name, listener);
  }

  /** Every event from now on, across reconnections, until the client closes (or the loop breaks). */
  events(): AsyncIterableIterator<SchedulerEvent> {
    return this.hub.events();
  }

  /**
   * Opens the event stream; resolves once SUBSCRIBED arrived. Register listeners first: events that follow
   * SUBSCRIBED in the same chunk are delivered before this promise settles. Rejects with MesosHttpError for
   * a non-2xx answer, MesosErrorEvent for a refused subscription.
   */
  subscribe(): Promise<SchedulerSubscription> {
    if (this.currentState !== "idle")
      return Promise.reject(new Error(`Cannot subscribe: the client is ${this.currentState}`));
    this.currentState = "subscribing";
    this.finalError = undefined;
    return this.connect().catch((error: unknown) => {
      if (this.currentState === "subscribing") this.currentState = "idle";
      throw error;
    });
  }

  /** Sends any call but SUBSCRIBE on its own connection, with `Mesos-Stream-Id` and `framework_id`. */
  call(call: SchedulerCall): Promise<void> {
    if (call.type === "SUBSCRIBE") return Promise.reject(new Error("Use subscribe() to subscribe"));
    const url = this.callUrl;
    const streamId = this.currentStreamId;
    const frameworkId = this.currentFrameworkId;
    if (this.currentState !== "subscribed" || !url || !streamId || !frameworkId)
      return Promise.reject(new Error(`The scheduler is not subscribed (${this.currentState})`));
    const { type, ...fields } = call;
    const envelope = call.framework_id ? call : { type, framework_id: frameworkId, ...fields };
    return this.agents.track(
      postJson(url, JSON.stringify(envelope), {
        agent: this.agents.for(url),
        headers: { "Mesos-Stream-Id": streamId },
        timeoutMs: this.timeoutMs,
      }).then((answer) => expectSuccess(url, answer)),
    );
  }

  override updateFramework(info: FrameworkInfo, options: SubscribeOptions = {}): Promise<void> {
    const withId = { ...info, id: info.id ?? this.currentFrameworkId };
    return this.call(schedulerCalls.updateFramework(withId, options)).then(() => {
      this.frameworkInfo = withId;
      this.subscribeOptions = options;
    });
  }

  override teardown(): Promise<void> {
    this.finalError = new Error("The framework was torn down");
    return this.call(schedulerCalls.teardown()).catch((error: unknown) => {
      this.finalError = undefined;
      throw error;
    });
  }

  /** Aborts the stream and every timer and pending reconnection; the framework stays registered. */
  close(): Promise<void> {
    this.finish(undefined);
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private async connect(): Promise<SchedulerSubscription> {
    const leader = this.callUrl && !this.masters.followsLeader ? [new URL(this.callUrl.origin)] : [];
    const candidates = [...leader, ...(await this.masters.candidates(this.timeoutMs))].filter(
      (url, index, all) => all.findIndex((other) => other.href === url.href) === index,
    );
    let lastError: unknown;
    for (const master of candidates) {
      try {
        return await this.connectTo(master);
      } catch (error) {
        lastError = error;
        if (!isTransientFailure(error) || this.currentState === "closed") break;
      }
    }
    throw lastError;
  }

  private connectTo(master: URL): Promise<SchedulerSubscription> {
    const subscription: Subscription<SchedulerEvent> = openSubscription<SchedulerEvent>({
      url: new URL(SCHEDULER_PATH, master),
      body: JSON.stringify(schedulerCalls.subscribe(this.frameworkInfo, this.subscribeOptions)),
      timeoutMs: this.timeoutMs,
      maxRedirects: MAX_REDIRECTS,
      onOpen: ({ url, streamId }) => {
        if (this.connection !== subscription) return;
        this.callUrl = url;
        this.currentStreamId = streamId;
      },
      onEvent: (event) => this.connection === subscription && this.handleEvent(event),
      onEnd: (error) => this.connection === subscription && this.handleStreamEnd(error),
    });
    this.connection = subscription;
    return subscription.ready.then(
      () => this.currentSubscription(),
      (error: unknown) => {
        if (this.connection === subscription) this.connection = undefined;
        throw error;
      },
    );
  }

  private currentSubscription(): SchedulerSubscription {
    return {
      frameworkId: this.currentFrameworkId as ID,
      streamId: this.currentStreamId ?? "",
      leader: this.callUrl?.origin ?? "",
      heartbeatIntervalSeconds: this.heartbeatIntervalSeconds,
      ...(this.masterInfo ? { masterInfo: this.masterInfo } : {}),
    };
  }

  private handleEvent(event: SchedulerEvent): void {
    const reconnected = event.type === "SUBSCRIBED" && this.subscribedBefore;
    if (event.type === "SUBSCRIBED" && event.subscribed) {
      this.currentFrameworkId = event.subscribed.framework_id;
      this.frameworkInfo = { ...this.frameworkInfo, id: event.subscribed.framework_id };
      this.heartbeatIntervalSeconds = event.subscribed.heartbeat_interval_seconds ?? 15;
      this.masterInfo = event.subscribed.master_info;
      this.currentState = "subscribed";
      this.subscribedBefore = true;
      this.backoff.reset();
    }
    if (event.type === "ERROR" && isFinalSchedulerError(event.error?.message ?? ""))
      this.finalError = new MesosErrorEvent(event.error?.message ?? "");
    this.armHeartbeatTimer();
    this.hub.dispatch(event);
    if (reconnected) this.hub.emit("reconnected", this.currentSubscription());
    const status = event.update?.status;
    if (event.type === "UPDATE" && this.options.autoAcknowledge && status?.uuid !== undefined)
      this.acknowledge(status).catch((error: unknown) => this.hub.reportError(error));
  }

  private handleStreamEnd(error: Error): void {
    this.connection = undefined;
    this.currentStreamId = undefined;
    clearTimeout(this.heartbeatTimer);
    if (this.currentState === "closed") return;
    const giveUpWith = this.finalError ?? (this.options.reconnect === false ? error : undefined);
    this.currentState = giveUpWith ? "closed" : "reconnecting";
    this.hub.emit("disconnected", { error, willReconnect: !giveUpWith });
    if (giveUpWith) this.finish(giveUpWith);
    else this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect().catch(() => {
        if (this.currentState === "closed") return;
        if (this.finalError) this.finish(this.finalError);
        else this.scheduleReconnect();
      });
    }, this.backoff.next());
  }

  /** ZooKeeper named a new leader: leave the old one and re-subscribe (with the framework id) to the new one. */
  private followLeader(leader: URL): void {
    if (this.callUrl?.origin === leader.origin) return;
    if (this.currentState === "subscribed" && this.connection) {
      const old = this.connection;
      this.connection = undefined;
      old.close();
      this.handleStreamEnd(new Error(`The leading master is now ${leader.host}`));
    } else if (this.currentState === "reconnecting") {
      // Retries so far went to the old leader: start the backoff over, and wait no longer than its first step.
      this.backoff.reset();
      if (this.reconnectTimer) {
        clearTimeout(this.reconnectTimer);
        this.scheduleReconnect();
      }
    }
  }

  private armHeartbeatTimer(): void {
    clearTimeout(this.heartbeatTimer);
    if (this.currentState !== "subscribed") return;
    const factor = this.options.heartbeatTimeoutFactor ?? 5;
    const timeoutMs = factor * this.heartbeatIntervalSeconds * 1000;
    this.heartbeatTimer = setTimeout(() => {
      const dead = this.connection;
      this.connection = undefined;
      dead?.close();
      this.handleStreamEnd(new Error(`No heartbeat or event for ${timeoutMs} ms`));
    }, timeoutMs);
  }

  private finish(error: Error | undefined): void {
    if (this.closedNotified) return;
    this.closedNotified = true;
    this.currentState = "closed";
    clearTimeout(this.heartbeatTimer);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.connection?.close();
    this.connection = undefined;
    this.currentStreamId = undefined;
    this.stopFollowing();
    this.masters.close();
    this.agents.destroy();
    this.hub.end();
    this.hub.emit("closed", error ? { error } : {});
  }
}
