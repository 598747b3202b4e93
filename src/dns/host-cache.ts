import { lookup } from "node:dns/promises";

/** How long a looked-up host name's addresses are kept. */
const TTL_MS = 60_000;

/**
 * Host names of frameworks and agents that are not IP literals, looked up through the system resolver
 * (as Mesos-DNS's net.LookupIP) without blocking record generation: an unknown name answers [] at once
 * and `onResolved` fires when its addresses arrive.
 */
export class HostCache {
  private readonly entries = new Map<string, { ips: string[]; at: number }>();
  private readonly pending = new Set<string>();

  constructor(private readonly onResolved: () => void) {}

  ips = (host: string): string[] => {
    const entry = this.entries.get(host);
    if (!entry || Date.now() - entry.at > TTL_MS) this.resolve(host);
    return entry?.ips ?? [];
  };

  private resolve(host: string): void {
    if (this.pending.has(host)) return;
    this.pending.add(host);
    lookup(host, { all: true })
      .then(
        (addresses) => addresses.map((a) => a.address),
        () => [] as string[],
      )
      .then((ips) => {
        this.pending.delete(host);
        const before = this.entries.get(host)?.ips.join(",");
        this.entries.set(host, { ips, at: Date.now() });
        if (before !== ips.join(",")) this.onResolved();
      });
  }
}
