import { randomUUID } from "node:crypto";
import type { ChangeFeed } from "./change-feed.js";
import type { KvStore } from "./kv-store.js";

export type SessionBehavior = "release" | "delete";

export interface SessionRecord {
  id: string;
  name: string;
  node: string;
  checks: string[];
  lockDelayMs: number;
  behavior: SessionBehavior;
  /** As given (`"30s"`), '' for none. */
  ttl: string;
  ttlMs: number;
  createIndex: number;
  modifyIndex: number;
}

export type NewSession = Omit<SessionRecord, "id" | "createIndex" | "modifyIndex">;

/**
 * Consul sessions: created, renewed and destroyed through the HTTP API. A session with a TTL that is not
 * renewed within twice its TTL (Consul's grace), or one of whose checks turns critical, is destroyed;
 * destroying one releases (or deletes) the keys it locked.
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly feed: ChangeFeed,
    private readonly kv: KvStore,
  ) {}

  get(id: string): SessionRecord | undefined {
    return this.sessions.get(id);
  }

  all(): SessionRecord[] {
    return [...this.sessions.values()].sort((a, b) => a.createIndex - b.createIndex);
  }

  create(input: NewSession): SessionRecord {
    const index = this.feed.next();
    const session: SessionRecord = { ...input, id: randomUUID(), createIndex: index, modifyIndex: index };
    this.sessions.set(session.id, session);
    this.feed.commit(index, "sessions");
    this.arm(session);
    return session;
  }

  /** Restarts a TTL session's clock; undefined when there is no such session. */
  renew(id: string): SessionRecord | undefined {
    const session = this.sessions.get(id);
    if (session) this.arm(session);
    return session;
  }

  destroy(id: string): boolean {
    const session = this.sessions.get(id);
    if (!session) return false;
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const index = this.feed.next();
    this.sessions.delete(id);
    this.feed.commit(index, "sessions");
    this.kv.endSession(id, session.behavior);
    return true;
  }

  /** Ends every session one of whose checks is critical or gone, as Consul invalidates them. */
  invalidateUnhealthy(statusOf: (node: string, checkId: string) => string | undefined): void {
    for (const session of this.all())
      if (session.checks.some((c) => (statusOf(session.node, c) ?? "critical") === "critical"))
        this.destroy(session.id);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  restore(sessions: SessionRecord[]): void {
    for (const session of sessions) {
      this.sessions.set(session.id, session);
      this.arm(session);
    }
  }

  private arm(session: SessionRecord): void {
    if (!session.ttlMs) return;
    clearTimeout(this.timers.get(session.id));
    const timer = setTimeout(() => this.destroy(session.id), session.ttlMs * 2);
    timer.unref();
    this.timers.set(session.id, timer);
  }
}
