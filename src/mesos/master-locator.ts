import { leaderOrigin, masterOrigin } from "./master-address.js";
import { LeaderDetector } from "./zk/leader-detector.js";
import type { ZkSessionOptions } from "./zk/zk-session.js";
import { isZkUrl, parseZkUrl } from "./zk/zk-url.js";

/** Where a client finds the leading master: fixed addresses (it follows 307s), or the leader in ZooKeeper. */
export interface MasterLocator {
  /** True for `zk://`: the leader is known here, and `onLeaderChange` reports every change. */
  readonly followsLeader: boolean;
  /** Masters to try, in order; for `zk://` the current leader (waits up to `timeoutMs` for one). */
  candidates(timeoutMs: number): Promise<URL[]>;
  onLeaderChange(listener: (leader: URL) => void): () => void;
  close(): void;
}

class StaticMasters implements MasterLocator {
  readonly followsLeader = false;
  constructor(private readonly masters: URL[]) {}
  candidates(): Promise<URL[]> {
    return Promise.resolve(this.masters);
  }
  onLeaderChange(): () => void {
    return () => undefined;
  }
  close(): void {}
}

class ZooKeeperLeader implements MasterLocator {
  readonly followsLeader = true;
  constructor(private readonly detector: LeaderDetector) {}
  async candidates(timeoutMs: number): Promise<URL[]> {
    return [leaderOrigin(await this.detector.waitForLeader(timeoutMs))];
  }
  onLeaderChange(listener: (leader: URL) => void): () => void {
    return this.detector.on("leader", (leader) => leader && listener(leaderOrigin(leader)));
  }
  close(): void {
    this.detector.close();
  }
}

/**
 * One `zk://…/path` URL, or any number of `host:port` / `http(s)://host:port` masters. Throws for a malformed
 * `zk://` URL (ZkUrlError) and for a mix of the two kinds. ZooKeeper is contacted on the first `candidates()`.
 */
export function locateMasters(master: string | string[], zk: ZkSessionOptions = {}): MasterLocator {
  const masters = Array.isArray(master) ? master : [master];
  if (masters.length === 0) throw new Error("At least one master address is needed");
  const zkUrls = masters.filter(isZkUrl);
  if (zkUrls.length === 0) return new StaticMasters(masters.map(masterOrigin));
  if (masters.length > 1)
    throw new Error(
      `Give either one zk:// URL or host:port masters, not both or several: ${masters.join(", ")}`,
    );
  return new ZooKeeperLeader(new LeaderDetector(parseZkUrl(zkUrls[0] ?? ""), zk));
}
