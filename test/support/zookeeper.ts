import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startZooKeeper, type ZooKeeperServer } from "../../src/zookeeper/zookeeper-server.js";

export interface TestZooKeeper {
  /** The running server (a new one after `restart`). */
  readonly server: ZooKeeperServer;
  /** `zk://127.0.0.1:<port><path>`. */
  url(path: string): string;
  /** Stops the server (SIGTERM). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data dir. */
  start(): Promise<void>;
}

/** One real ZooKeeper for the test file: started before its tests, killed and its directory removed after. */
export function useZooKeeper(): TestZooKeeper {
  let dir = "";
  let server: ZooKeeperServer | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "test-zookeeper-"));
    server = await startZooKeeper({ dir });
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  const running = (): ZooKeeperServer => {
    if (!server) throw new Error("ZooKeeper is not running (use it inside tests)");
    return server;
  };
  return {
    get server() {
      return running();
    },
    url: (path) => running().url(path),
    stop: () => running().stop(),
    async start() {
      server = await startZooKeeper({ dir, port: running().port });
    },
  };
}
