import type { Client } from "node-zookeeper-client";
import { TypedListeners } from "../typed-listeners.js";
import { leaderFromZnode, masterMembers, type LeaderInfo } from "./members.js";
import { childPath, exists, getChildren, getData, isNoNode } from "./zk-ops.js";
import { ZkSession, type ZkSessionOptions } from "./zk-session.js";
import { parseZkUrl, type ZkUrl } from "./zk-url.js";

export interface LeaderDetectorEvents {
  /** Every change of the leading master; undefined when no master contends. */
  leader: LeaderInfo | undefined;
  /** Problems worth a log line: unreadable znodes, session expiry. Detection goes on. */
  warning: Error;
}

/**
 * Follows the leading Mesos master in ZooKeeper: watches the children of the path, picks the lowest
 * `json.info_` sequence and reads its MasterInfo JSON. Survives disconnection, session expiry and ZooKeeper
 * restarts (it re-reads on every reconnection); while ZooKeeper is away the last known leader stands.
 */
export class LeaderDetector {
  readonly url: ZkUrl;
  private readonly session: ZkSession;
  private readonly listeners = new TypedListeners<LeaderDetectorEvents>(() => undefined);
  private current: LeaderInfo | undefined;
  private known = false;
  /** One watcher for every read: the client keeps one registration per function and path, so none pile up. */
  private readonly onChange = () => this.refresh();
  private reading: Promise<void> | undefined;
  private readAgain = false;

  constructor(url: string | ZkUrl, options: ZkSessionOptions = {}) {
    this.url = typeof url === "string" ? parseZkUrl(url) : url;
    this.session = new ZkSession(this.url, options);
    this.session.on("connected", () => this.refresh());
    this.session.on("expired", ({ reason }) =>
      this.listeners.emit("warning", new Error(`ZooKeeper session for ${this.url.display} ended: ${reason}`)),
    );
  }

  /** The last leader read; undefined before the first read or when no master contends. */
  get leader(): LeaderInfo | undefined {
    return this.current;
  }

  on<K extends keyof LeaderDetectorEvents>(
    name: K,
    listener: (payload: LeaderDetectorEvents[K]) => void,
  ): () => void {
    return this.listeners.on(name, listener);
  }

  start(): this {
    this.session.start();
    return this;
  }

  /**
   * The leader, once there is one. Rejects after `timeoutMs` with an error saying whether ZooKeeper was
   * reachable at all or simply no master leads.
   */
  waitForLeader(timeoutMs = 10_000): Promise<LeaderInfo> {
    this.start();
    if (this.current) return Promise.resolve(this.current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(
          new Error(
            this.known || this.session.connected
              ? `No master leads in ZooKeeper at ${this.url.display} (waited ${timeoutMs} ms)`
              : `ZooKeeper at ${this.url.display} not reachable within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      const off = this.on("leader", (leader) => {
        if (!leader) return;
        clearTimeout(timer);
        off();
        resolve(leader);
      });
    });
  }

  close(): void {
    this.session.close();
    this.listeners.clear();
  }

  [Symbol.dispose](): void {
    this.close();
  }

  /** One read at a time; a change during a read makes one more read. */
  private refresh(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.read()
      .catch((error: unknown) => this.listeners.emit("warning", error as Error))
      .finally(() => {
        this.reading = undefined;
        if (this.readAgain && this.session.connected) {
          this.readAgain = false;
          this.refresh();
        }
      });
  }

  private async read(): Promise<void> {
    const client = this.session.client;
    if (!client) return;
    for (;;) {
      const children = await this.children(client);
      if (children === undefined) return this.publish(undefined);
      const first = masterMembers(children)[0];
      if (!first) return this.publish(undefined);
      if (first === this.current?.znode) return this.publish(this.current);
      try {
        const { data } = await getData(client, childPath(this.url.path, first));
        return this.publish(leaderFromZnode(first, data));
      } catch (error) {
        if (!isNoNode(error)) throw error;
        // The leader left between the listing and the read: list again.
      }
    }
  }

  /** The path's children with a watch on them, or undefined (and a watch for its creation) when it is missing. */
  private async children(client: Client): Promise<string[] | undefined> {
    try {
      return await getChildren(client, this.url.path, this.onChange);
    } catch (error) {
      if (!isNoNode(error)) throw error;
      if ((await exists(client, this.url.path, this.onChange)) !== undefined) return this.children(client);
      return undefined;
    }
  }

  private publish(leader: LeaderInfo | undefined): void {
    const changed = !this.known || leader?.znode !== this.current?.znode;
    this.known = true;
    this.current = leader;
    if (changed) this.listeners.emit("leader", leader);
  }
}
