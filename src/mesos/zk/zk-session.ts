import type { Client, State } from "node-zookeeper-client";
import { TypedListeners } from "../typed-listeners.js";
import type { ZkUrl } from "./zk-url.js";

const AUTH_RETRY_MS = 1_000;

type ClientLibrary = typeof import("node-zookeeper-client");
let library: Promise<ClientLibrary> | undefined;
/** The client library loads on the first session only (~100 ms), so clients of fixed masters never pay for it. */
const loadLibrary = (): Promise<ClientLibrary> =>
  (library ??= import("node-zookeeper-client").then((module) => module.default ?? module));

export interface ZkSessionOptions {
  /** Requested session timeout (the server bounds it by its tick time). Default 10 s, as in Mesos. */
  sessionTimeoutMs?: number;
  /** Upper bound of the random pause between rounds of connection attempts. Default 100 ms. */
  spinDelayMs?: number;
}

export interface ZkSessionEvents {
  /** `fresh`: a new session (watches and ephemeral nodes of the last one are gone); otherwise a reconnection. */
  connected: { client: Client; fresh: boolean };
  disconnected: undefined;
  /** The session is over: ZooKeeper said so, or the connection stayed lost longer than the session timeout. */
  expired: { reason: string };
}

/**
 * One ZooKeeper session at a time, renewed forever: when a session expires (ZooKeeper says so, or this side was
 * cut off longer than the session timeout, as Mesos's group does) the old client is closed and a new one
 * connects. Operations use `client` while `connected`.
 */
export class ZkSession {
  private readonly listeners: TypedListeners<ZkSessionEvents>;
  private current: Client | undefined;
  private isConnected = false;
  private sessionIsNew = true;
  private expiryTimer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private started = false;

  constructor(
    readonly url: ZkUrl,
    private readonly options: ZkSessionOptions = {},
    onListenerError: (error: unknown) => void = () => undefined,
  ) {
    this.listeners = new TypedListeners(onListenerError);
  }

  get client(): Client | undefined {
    return this.isConnected ? this.current : undefined;
  }
  get connected(): boolean {
    return this.isConnected;
  }
  get sessionTimeoutMs(): number {
    return this.options.sessionTimeoutMs ?? 10_000;
  }

  on<K extends keyof ZkSessionEvents>(name: K, listener: (payload: ZkSessionEvents[K]) => void): () => void {
    return this.listeners.on(name, listener);
  }

  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.open();
  }

  /** Ends the session (ZooKeeper removes its ephemeral nodes at once) and stops renewing. */
  close(): void {
    this.closed = true;
    this.drop();
    this.listeners.clear();
  }

  private open(): void {
    loadLibrary().then(
      (lib) => {
        if (!this.closed && !this.current) this.openWith(lib);
      },
      (error: unknown) =>
        this.listeners.emit("expired", { reason: `cannot load the ZooKeeper client: ${String(error)}` }),
    );
  }

  private openWith(lib: ClientLibrary): void {
    const client = lib.createClient(this.url.connectionString, {
      sessionTimeout: this.sessionTimeoutMs,
      spinDelay: this.options.spinDelayMs ?? 100,
    });
    const credentials = this.url.credentials;
    if (credentials) client.addAuthInfo("digest", Buffer.from(`${credentials.user}:${credentials.password}`));
    client.on("state", (state: State) => this.current === client && this.onState(client, state));
    this.current = client;
    this.sessionIsNew = true;
    client.connect();
  }

  private onState(client: Client, state: State): void {
    if (state.name === "SYNC_CONNECTED" || state.name === "CONNECTED_READ_ONLY") {
      clearTimeout(this.expiryTimer);
      this.isConnected = true;
      const fresh = this.sessionIsNew;
      this.sessionIsNew = false;
      this.listeners.emit("connected", { client, fresh });
    } else if (state.name === "DISCONNECTED") {
      const wasConnected = this.isConnected;
      this.isConnected = false;
      if (!wasConnected) return;
      // Only a session that existed can time out; before the first connection we keep trying.
      const timeoutMs = client.getSessionTimeout() || this.sessionTimeoutMs;
      clearTimeout(this.expiryTimer);
      this.expiryTimer = setTimeout(
        () => this.expire(`no connection to ZooKeeper for the session timeout (${timeoutMs} ms)`),
        timeoutMs,
      );
      this.listeners.emit("disconnected", undefined);
    } else if (state.name === "EXPIRED") this.expire("ZooKeeper expired the session");
    else if (state.name === "AUTH_FAILED") this.expire("ZooKeeper refused the credentials", AUTH_RETRY_MS);
  }

  private expire(reason: string, renewAfterMs = 0): void {
    if (this.closed) return;
    this.drop();
    this.listeners.emit("expired", { reason });
    if (this.closed) return;
    if (renewAfterMs === 0) this.open();
    else this.renewTimer = setTimeout(() => !this.closed && !this.current && this.open(), renewAfterMs);
  }

  private drop(): void {
    clearTimeout(this.expiryTimer);
    clearTimeout(this.renewTimer);
    this.isConnected = false;
    const client = this.current;
    this.current = undefined;
    if (!client) return;
    client.removeAllListeners("state");
    client.on("error", () => undefined);
    client.close();
  }
}
