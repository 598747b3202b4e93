import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../../common/logger.js";
import type { Catalog } from "./catalog.js";
import type { ChangeFeed, Table } from "./change-feed.js";
import type { KvEntry, KvStore } from "./kv-store.js";
import type { CheckRecord, NodeRecord, ServiceRecord } from "./records.js";
import type { SessionRecord, SessionStore } from "./session-store.js";

interface Saved {
  index: number;
  tables: Partial<Record<Table, number>>;
  nodes: NodeRecord[];
  services: ServiceRecord[];
  checks: CheckRecord[];
  kv: Array<Omit<KvEntry, "value"> & { value: string }>;
  sessions?: SessionRecord[];
}

const FILE = "consul-state.json";
const SAVE_DELAY_MS = 20;

/**
 * `-data-dir`: the catalog, the KV store and the Raft index in one JSON file written atomically a
 * moment after each change, and the node id in `node-id` as Consul keeps it.
 */
export class ConsulPersistence {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** The node id kept in the data dir, made on first start. */
  nodeId(): string {
    const path = join(this.dir, "node-id");
    try {
      const id = readFileSync(path, "utf8").trim();
      if (id) return id;
    } catch {
      // first start
    }
    const id = randomUUID();
    writeFileSync(path, id);
    return id;
  }

  load(feed: ChangeFeed, catalog: Catalog, kv: KvStore, sessions: SessionStore): void {
    let saved: Saved;
    try {
      saved = JSON.parse(readFileSync(join(this.dir, FILE), "utf8")) as Saved;
    } catch {
      return;
    }
    feed.restore(saved.index, saved.tables);
    catalog.restore(saved);
    kv.restore(saved.kv.map((e) => ({ ...e, value: Buffer.from(e.value, "base64") })));
    sessions.restore(saved.sessions ?? []);
  }

  scheduleSave(feed: ChangeFeed, catalog: Catalog, kv: KvStore, sessions: SessionStore): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow(feed, catalog, kv, sessions);
    }, SAVE_DELAY_MS);
  }

  saveNow(feed: ChangeFeed, catalog: Catalog, kv: KvStore, sessions: SessionStore): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const saved: Saved = {
      index: feed.index,
      tables: {
        nodes: feed.indexOf("nodes"),
        services: feed.indexOf("services"),
        checks: feed.indexOf("checks"),
        kvs: feed.indexOf("kvs"),
        sessions: feed.indexOf("sessions"),
      },
      ...catalog.snapshot(),
      kv: kv.all().map((e) => ({ ...e, value: e.value.toString("base64") })),
      sessions: sessions.all(),
    };
    const path = join(this.dir, FILE);
    try {
      writeFileSync(`${path}.tmp`, JSON.stringify(saved));
      renameSync(`${path}.tmp`, path);
    } catch (error) {
      this.logger.error({ err: error }, "could not save Consul's state");
    }
  }
}
