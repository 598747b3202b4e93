import type { Client } from "node-zookeeper-client";
import type { MasterInfo } from "../master-info.js";
import { TypedListeners } from "../typed-listeners.js";
import { MASTER_ZNODE_PREFIX, masterMembers } from "./members.js";
import {
  childPath,
  create,
  EPHEMERAL_SEQUENTIAL,
  exists,
  getChildren,
  mkdirp,
  ZkOperationError,
} from "./zk-ops.js";
import { ZkSession, type ZkSessionOptions } from "./zk-session.js";
import { parseZkUrl, type ZkUrl } from "./zk-url.js";

export interface MasterContenderEvents {
  /** This master's znode is now the lowest `json.info_`: it leads. */
  elected: { znode: string };
  /** The session that held the candidacy is gone: the master must step down (Mesos aborts). Final. */
  lost: { reason: string };
  /** The contending masters' znodes, lowest (the leader) first, on every change. */
  members: string[];
  /** Problems worth a log line; contention goes on. */
  warning: Error;
}

export type ContenderState = "idle" | "contending" | "leading" | "lost" | "withdrawn";

/**
 * A master's candidacy, as Mesos's ZooKeeper contender: an EPHEMERAL|SEQUENTIAL `<path>/json.info_` znode
 * holding its MasterInfo as JSON; it leads while that znode has the lowest sequence. The candidacy lasts one
 * ZooKeeper session: when the session expires (or the connection is lost for the session timeout), `lost`
 * fires and the contender is done; contend again with a new MasterContender.
 */
export class MasterContender {
  readonly url: ZkUrl;
  private readonly session: ZkSession;
  private readonly listeners = new TypedListeners<MasterContenderEvents>(() => undefined);
  private readonly data: Buffer;
  private own: string | undefined;
  private currentState: ContenderState = "idle";
  private creating = false;
  private createdOnce: Promise<string>;
  private resolveCreated!: (znode: string) => void;
  private rejectCreated!: (error: Error) => void;
  private readonly onChange = () => {
    this.check().catch((error: unknown) => this.listeners.emit("warning", error as Error));
  };

  constructor(url: string | ZkUrl, info: MasterInfo, options: ZkSessionOptions = {}) {
    this.url = typeof url === "string" ? parseZkUrl(url) : url;
    this.data = Buffer.from(JSON.stringify(info));
    this.session = new ZkSession(this.url, options);
    this.createdOnce = new Promise((resolve, reject) => {
      this.resolveCreated = resolve;
      this.rejectCreated = reject;
    });
    this.createdOnce.catch(() => undefined);
    this.session.on("connected", ({ client, fresh }) => void this.onConnected(client, fresh));
    this.session.on("expired", ({ reason }) => this.lose(reason));
  }

  get state(): ContenderState {
    return this.currentState;
  }
  get isLeader(): boolean {
    return this.currentState === "leading";
  }
  /** This master's znode name (`json.info_0000000007`) once created. */
  get znode(): string | undefined {
    return this.own;
  }

  on<K extends keyof MasterContenderEvents>(
    name: K,
    listener: (payload: MasterContenderEvents[K]) => void,
  ): () => void {
    return this.listeners.on(name, listener);
  }

  /**
   * Connects and creates the candidacy; resolves with the znode name. Listen to `elected` and `lost` first.
   * With `timeoutMs`, rejects when the candidacy is not created in time (contention goes on), saying whether
   * ZooKeeper could be reached at all.
   */
  contend(timeoutMs?: number): Promise<string> {
    if (this.currentState === "idle") {
      this.currentState = "contending";
      this.session.start();
    }
    if (timeoutMs === undefined) return this.createdOnce;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const problem = this.session.connected ? "could not create its znode" : "not reachable";
        reject(new Error(`ZooKeeper at ${this.url.display} ${problem} within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    return Promise.race([this.createdOnce, timeout]).finally(() => clearTimeout(timer));
  }

  /** Leaves the contest: the session closes and ZooKeeper deletes the znode at once. */
  withdraw(): void {
    if (this.currentState === "lost" || this.currentState === "withdrawn") return;
    this.currentState = "withdrawn";
    this.session.close();
    this.rejectCreated(new Error("The candidacy was withdrawn"));
    this.listeners.clear();
  }

  [Symbol.dispose](): void {
    this.withdraw();
  }

  private async onConnected(client: Client, fresh: boolean): Promise<void> {
    try {
      if (!this.own && !this.creating) await this.createCandidacy(client, fresh);
      await this.check();
    } catch (error) {
      this.listeners.emit("warning", error as Error);
    }
  }

  private async createCandidacy(client: Client, fresh: boolean): Promise<void> {
    this.creating = true;
    try {
      // After a connection loss during create, the znode may exist already: it is ours if our session owns it.
      this.own = fresh ? undefined : await this.findOwn(client);
      if (!this.own) {
        await mkdirp(client, this.url.path);
        const created = await create(
          client,
          childPath(this.url.path, MASTER_ZNODE_PREFIX),
          this.data,
          EPHEMERAL_SEQUENTIAL,
        );
        this.own = created.slice(created.lastIndexOf("/") + 1);
      }
      this.resolveCreated(this.own);
    } catch (error) {
      if (!(error instanceof ZkOperationError)) this.rejectCreated(error as Error);
      throw error;
    } finally {
      this.creating = false;
    }
  }

  private async findOwn(client: Client): Promise<string | undefined> {
    const session = client.getSessionId();
    for (const child of masterMembers(await getChildren(client, this.url.path).catch(() => []))) {
      const stat = await exists(client, childPath(this.url.path, child));
      if (stat && Buffer.compare(stat.ephemeralOwner, session) === 0) return child;
    }
    return undefined;
  }

  /** Re-reads the members (watching them) and announces leadership when this znode became the lowest. */
  private async check(): Promise<void> {
    const client = this.session.client;
    if (!client || !this.own || !this.active()) return;
    const members = masterMembers(await getChildren(client, this.url.path, this.onChange));
    if (!this.active()) return;
    if (!members.includes(this.own)) return this.lose(`znode ${this.own} disappeared`);
    this.listeners.emit("members", members);
    if (this.currentState === "contending" && members[0] === this.own) {
      this.currentState = "leading";
      this.listeners.emit("elected", { znode: this.own });
    }
  }

  private active(): boolean {
    return this.currentState === "contending" || this.currentState === "leading";
  }

  private lose(reason: string): void {
    if (this.currentState === "lost" || this.currentState === "withdrawn") return;
    this.currentState = "lost";
    this.session.close();
    this.rejectCreated(new Error(`Lost the ZooKeeper session before contending: ${reason}`));
    this.listeners.emit("lost", { reason });
    this.listeners.clear();
  }
}
