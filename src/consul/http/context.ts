import type { LocalAgent } from "../agent/local-agent.js";
import type { ConsulConfig } from "../consul-config.js";
import type { Catalog } from "../state/catalog.js";
import type { ChangeFeed } from "../state/change-feed.js";
import type { KvStore } from "../state/kv-store.js";
import type { SessionStore } from "../state/session-store.js";

/** Everything the HTTP routes read and write. */
export interface ConsulContext {
  config: ConsulConfig;
  feed: ChangeFeed;
  catalog: Catalog;
  kv: KvStore;
  sessions: SessionStore;
  agent: LocalAgent;
}
