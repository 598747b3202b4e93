import { Backoff } from "./backoff.js";
import { ClientEventHub } from "./client-event-hub.js";
import { ClientClosedError } from "./client-errors.js";
import { executorApiUrl, resolveExecutorOptions, type ExecutorClientOptions } from "./executor-config.js";
import { CallAgents, expectSuccess, postJson } from "./http-transport.js";
import { newStatusUuid, type ID } from "./ids.js";
import { openSubscription, type Subscription } from "./subscription.js";
import { toBase64, toId } from "./scheduler-calls.js";
import type { ExecutorClientEvents, ExecutorSubscription } from "./executor-events.js";
import type { ExecutorCall, ExecutorEvent } from "./executor-protocol.js";
import { nowSeconds, type TaskInfo, type TaskStatus } from "./task.js";

export type ExecutorClientState = "idle" | "subscribing" | "subscribed" | "reconnecting" | "closed";

/** What `update()` takes: the client sets `uuid` and `source`, and fills `executor_id` and `timestamp` if absent. */
export type ExecutorStatusInput = Omit<TaskStatus, "uuid" | "source">;

/** An executor's connection to its agent through the v1 executor HTTP API. */
export class ExecutorClient implements AsyncDisposable {
  readonly options: ExecutorClientOptions;
  private readonly hub = new ClientEventHub<ExecutorClientEvents, ExecutorEvent>();
  private readonly agents = new CallAgents();
  private readonly backoff: Backoff;
  private readonly url: URL;
  private readonly executorId: ID;
  private readonly frameworkId: ID;
  private readonly updates = new Map<string, TaskStatus>();
  private readonly tasks = new Map<string, TaskInfo>();
  private connection: Subscription<ExecutorEvent> | undefined;
  private currentState: ExecutorClientState = "idle";
  private subscription: ExecutorSubscription | undefined;
  private disconnectedAt: number | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closedNotified = false;

  /** Options given here win; the rest comes from the MESOS_* variables the agent sets (see resolveExecutorOptions). */
  constructor(options: Partial<ExecutorClientOptions> = {}, env: NodeJS.ProcessEnv = process.env) {
    this.options = resolveExecutorOptions(options, env);
    this.url = executorApiUrl(this.options.agentEndpoint);
    this.executorId = toId(this.options.executorId);
    this.frameworkId = toId(this.options.frameworkId);
    this.backoff = new Backoff(
      Math.min(100, this.options.subscriptionBackoffMaxMs),
      this.options.subscriptionBackoffMaxMs,
    );
  }

  get state(): ExecutorClientState {
    return this.currentState;
  }
  /** Updates sent but not yet ACKNOWLEDGED, oldest first; they travel again in the next SUBSCRIBE. */
  get unacknowledgedUpdates(): TaskStatus[] {
    return [...this.updates.values()];
  }
  /** Tasks launched here for which no update was acknowledged yet. */
  get unacknowledgedTasks(): TaskInfo[] {
    return [...this.tasks.values()];
  }

  on<K extends keyof ExecutorClientEvents>(
    name: K,
    listener: (payload: ExecutorClientEvents[K]) => void,
  ): () => void {
    return this.hub.on(name, listener);
  }
  once<K extends keyof ExecutorClientEvents>(
    name: K,
    listener: (payload: ExecutorClientEvents[K]) => void,
  ): () => void {
    return this.hub.once(name, listener);
  }
  off<K extends keyof ExecutorClientEvents>(
    name: K,
    listener: (payload: ExecutorClientEvents[K]) => void,
  ): void {
    this.hub.off(name, listener);
  }
  events(): AsyncIterableIterator<ExecutorEvent> {
    return this.hub.events();
  }

  /** Opens the event stream; resolves with SUBSCRIBED's content. */
  subscribe(): Promise<ExecutorSubscription> {
    if (this.currentState !== "idle")
      return Promise.reject(new Error(`Cannot subscribe: the client is ${this.currentState}`));
    this.currentState = "subscribing";
    return this.connect().catch((error: unknown) => {
      if (this.currentState === "subscribing") this.currentState = "idle";
      throw error;
    });
  }

  /**
   * Sends a status update with a fresh uuid, SOURCE_EXECUTOR, executor_id and timestamp, and keeps it until
   * ACKNOWLEDGED. While disconnected it is only kept (the next SUBSCRIBE carries it). Resolves with what was sent.
   */
  update(status: ExecutorStatusInput): Promise<TaskStatus> {
    const full: TaskStatus = {
      ...status,
      executor_id: status.executor_id ?? this.executorId,
      timestamp: status.timestamp ?? nowSeconds(),
      source: "SOURCE_EXECUTOR",
      uuid: newStatusUuid(),
    };
    this.updates.set(full.uuid as string, full);
    if (this.currentState !== "subscribed") return Promise.resolve(full);
    return this.call({ type: "UPDATE", update: { status: full } }).then(() => full);
  }

  /** Sends `data` (bytes, or a string taken as UTF-8 text) to the scheduler, base64 on the wire. */
  message(data: Uint8Array | string): Promise<void> {
    return this.call({ type: "MESSAGE", message: { data: toBase64(data) } });
  }

  heartbeat(): Promise<void> {
    return this.call({ type: "HEARTBEAT" });
  }

  /** Sends any call but SUBSCRIBE on its own connection; `executor_id` and `framework_id` are filled in. */
  call(call: Omit<ExecutorCall, "executor_id" | "framework_id">): Promise<void> {
    if (call.type === "SUBSCRIBE") return Promise.reject(new Error("Use subscribe() to subscribe"));
    if (this.currentState === "closed") return Promise.reject(new ClientClosedError("executor client"));
    const { type, ...fields } = call;
    const body = JSON.stringify({
      type,
      executor_id: this.executorId,
      framework_id: this.frameworkId,
      ...fields,
    });
    return this.agents.track(
      postJson(this.url, body, {
        agent: this.agents.for(this.url),
        timeoutMs: this.options.requestTimeoutMs,
      }).then((answer) => expectSuccess(this.url, answer)),
    );
  }

  close(): Promise<void> {
    this.finish(undefined);
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private subscribeCall(): ExecutorCall {
    const tasks = this.unacknowledgedTasks;
    const updates = this.unacknowledgedUpdates.map((status) => ({ status }));
    return {
      type: "SUBSCRIBE",
      executor_id: this.executorId,
      framework_id: this.frameworkId,
      subscribe: {
        ...(tasks.length > 0 ? { unacknowledged_tasks: tasks } : {}),
        ...(updates.length > 0 ? { unacknowledged_updates: updates } : {}),
      },
    };
  }

  private connect(): Promise<ExecutorSubscription> {
    const subscription: Subscription<ExecutorEvent> = openSubscription<ExecutorEvent>({
      url: this.url,
      body: JSON.stringify(this.subscribeCall()),
      timeoutMs: this.options.requestTimeoutMs,
      maxRedirects: 0,
      onOpen: () => undefined,
      onEvent: (event) => this.connection === subscription && this.handleEvent(event),
      onEnd: (error) => this.connection === subscription && this.handleStreamEnd(error),
    });
    this.connection = subscription;
    return subscription.ready.then(
      () => this.subscription as ExecutorSubscription,
      (error: unknown) => {
        if (this.connection === subscription) this.connection = undefined;
        throw error;
      },
    );
  }

  private handleEvent(event: ExecutorEvent): void {
    const reconnected = event.type === "SUBSCRIBED" && this.subscription !== undefined;
    if (event.type === "SUBSCRIBED" && event.subscribed) {
      const { executor_info, framework_info, agent_info, container_id } = event.subscribed;
      this.subscription = {
        executorInfo: executor_info,
        frameworkInfo: framework_info,
        agentInfo: agent_info,
        ...(container_id ? { containerId: container_id } : {}),
      };
      this.currentState = "subscribed";
      this.disconnectedAt = undefined;
      this.backoff.reset();
    }
    if (event.type === "LAUNCH" && event.launch)
      this.tasks.set(event.launch.task.task_id.value, event.launch.task);
    for (const task of event.launch_group?.task_group.tasks ?? []) this.tasks.set(task.task_id.value, task);
    if (event.type === "ACKNOWLEDGED" && event.acknowledged) {
      this.updates.delete(event.acknowledged.uuid);
      this.tasks.delete(event.acknowledged.task_id.value);
    }
    this.hub.dispatch(event);
    if (reconnected && this.subscription) this.hub.emit("reconnected", this.subscription);
  }

  private handleStreamEnd(error: Error): void {
    this.connection = undefined;
    if (this.currentState === "closed") return;
    const willReconnect = this.options.checkpoint;
    this.currentState = willReconnect ? "reconnecting" : "closed";
    this.disconnectedAt = Date.now();
    this.hub.emit("disconnected", { error, willReconnect });
    if (willReconnect) this.scheduleReconnect();
    else this.finish(error);
  }

  private scheduleReconnect(): void {
    const elapsed = Date.now() - (this.disconnectedAt ?? Date.now());
    if (elapsed >= this.options.recoveryTimeoutMs)
      return this.finish(new Error(`Could not re-subscribe within ${this.options.recoveryTimeoutMs} ms`));
    const delay = Math.min(this.backoff.next(), this.options.recoveryTimeoutMs - elapsed);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect().catch(() => {
        if (this.currentState !== "closed") this.scheduleReconnect();
      });
    }, delay);
  }

  private finish(error: Error | undefined): void {
    if (this.closedNotified) return;
    this.closedNotified = true;
    this.currentState = "closed";
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.connection?.close();
    this.connection = undefined;
    this.agents.destroy();
    this.hub.end();
    this.hub.emit("closed", error ? { error } : {});
  }
}
