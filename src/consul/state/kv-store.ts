import type { ChangeFeed } from "./change-feed.js";

export interface KvEntry {
  key: string;
  flags: number;
  /** The value's bytes; empty values are kept as an empty buffer and shown as null. */
  value: Buffer;
  createIndex: number;
  modifyIndex: number;
  lockIndex: number;
  /** The session holding the key's lock, if any. */
  session?: string;
}

/** Consul's key/value store with its CAS semantics and the indexes blocking queries use. */
export class KvStore {
  private readonly entries = new Map<string, KvEntry>();
  /** The index at which a key was deleted, so a blocking read of a deleted prefix still advances. */
  private readonly tombstones = new Map<string, number>();

  constructor(private readonly feed: ChangeFeed) {}

  get(key: string): KvEntry | undefined {
    return this.entries.get(key);
  }

  /** Every entry whose key starts with `prefix`, sorted by key. */
  list(prefix: string): KvEntry[] {
    return [...this.entries.values()]
      .filter((e) => e.key.startsWith(prefix))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The keys under `prefix`, cut after the first `separator` that follows the prefix, without repeats. */
  keys(prefix: string, separator = ""): string[] {
    const out = new Set<string>();
    for (const entry of this.list(prefix)) {
      const rest = entry.key.slice(prefix.length);
      const cut = separator ? rest.indexOf(separator) : -1;
      out.add(cut < 0 ? entry.key : prefix + rest.slice(0, cut + separator.length));
    }
    return [...out];
  }

  /** The index a read of `prefix` reports: the newest write or delete under it, else the table's. */
  indexOf(prefix: string, exact: boolean): number {
    let max = 0;
    if (exact) {
      max = this.entries.get(prefix)?.modifyIndex ?? 0;
    } else {
      for (const e of this.entries.values()) if (e.key.startsWith(prefix)) max = Math.max(max, e.modifyIndex);
      for (const [key, index] of this.tombstones) if (key.startsWith(prefix)) max = Math.max(max, index);
    }
    return max || this.feed.indexOf("kvs");
  }

  /** Writes a key; with `cas` only when its ModifyIndex is `cas` (0: only when absent). */
  put(key: string, value: Buffer, flags: number, cas?: number): boolean {
    const existing = this.entries.get(key);
    if (cas !== undefined && (existing?.modifyIndex ?? 0) !== cas) return false;
    const index = this.feed.next();
    this.entries.set(key, {
      ...existing,
      key,
      flags,
      value,
      createIndex: existing?.createIndex ?? index,
      modifyIndex: index,
      lockIndex: existing?.lockIndex ?? 0,
    });
    this.tombstones.delete(key);
    this.feed.commit(index, "kvs");
    return true;
  }

  /** Deletes a key; with `cas` only when its ModifyIndex is `cas` (a missing key counts as deleted). */
  delete(key: string, cas?: number): boolean {
    const existing = this.entries.get(key);
    if (cas !== undefined && existing && existing.modifyIndex !== cas) return false;
    if (!existing) return true;
    this.removeAt([key]);
    return true;
  }

  /** Deletes every key under `prefix`. */
  deleteTree(prefix: string): void {
    const keys = this.list(prefix).map((e) => e.key);
    if (keys.length > 0) this.removeAt(keys);
  }

  /**
   * `?acquire=<session>`: writes the key and takes its lock, unless another session holds it. LockIndex
   * counts each new holder.
   */
  acquire(key: string, value: Buffer, flags: number, session: string): boolean {
    const existing = this.entries.get(key);
    if (existing?.session !== undefined && existing.session !== session) return false;
    const index = this.feed.next();
    const newHolder = existing?.session !== session;
    this.entries.set(key, {
      key,
      flags,
      value,
      createIndex: existing?.createIndex ?? index,
      modifyIndex: index,
      lockIndex: (existing?.lockIndex ?? 0) + (newHolder ? 1 : 0),
      session,
    });
    this.tombstones.delete(key);
    this.feed.commit(index, "kvs");
    return true;
  }

  /** `?release=<session>`: writes the key and lets its lock go, when that session holds it. */
  release(key: string, value: Buffer, flags: number, session: string): boolean {
    const existing = this.entries.get(key);
    if (!existing || existing.session !== session) return false;
    const index = this.feed.next();
    const { session: _released, ...rest } = existing;
    this.entries.set(key, { ...rest, flags, value, modifyIndex: index });
    this.feed.commit(index, "kvs");
    return true;
  }

  /** A session ended: its locks are released (behavior `release`) or its keys deleted (`delete`). */
  endSession(session: string, behavior: "release" | "delete"): void {
    const held = [...this.entries.values()].filter((e) => e.session === session);
    if (held.length === 0) return;
    if (behavior === "delete") return this.removeAt(held.map((e) => e.key));
    const index = this.feed.next();
    for (const entry of held) {
      const { session: _released, ...rest } = entry;
      this.entries.set(entry.key, { ...rest, modifyIndex: index });
    }
    this.feed.commit(index, "kvs");
  }

  /** Every entry, for saving. */
  all(): KvEntry[] {
    return [...this.entries.values()];
  }

  restore(entries: KvEntry[]): void {
    for (const entry of entries) this.entries.set(entry.key, entry);
  }

  private removeAt(keys: string[]): void {
    const index = this.feed.next();
    for (const key of keys) {
      this.entries.delete(key);
      this.tombstones.set(key, index);
    }
    this.feed.commit(index, "kvs");
  }
}
