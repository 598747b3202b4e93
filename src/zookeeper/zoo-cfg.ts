export interface ZooCfgOptions {
  dataDir: string;
  port: number;
  host: string;
  /** ZooKeeper's time unit; sessions may last 2 to 20 ticks unless bounded below. */
  tickTimeMs: number;
  /** Upper bound of the session timeouts clients may ask for. */
  maxSessionTimeoutMs: number;
}

/**
 * A standalone server's zoo.cfg: bound to one address, the AdminServer (Jetty on :8080) off, and the
 * four-letter words used for readiness and status allowed.
 */
export function renderZooCfg(options: ZooCfgOptions): string {
  const lines = [
    "# Written by minimesos: a standalone ZooKeeper for one local cluster.",
    `tickTime=${options.tickTimeMs}`,
    `minSessionTimeout=${2 * options.tickTimeMs}`,
    `maxSessionTimeout=${Math.max(options.maxSessionTimeoutMs, 2 * options.tickTimeMs)}`,
    `dataDir=${options.dataDir}`,
    `clientPort=${options.port}`,
    `clientPortAddress=${options.host}`,
    "maxClientCnxns=0",
    "admin.enableServer=false",
    "4lw.commands.whitelist=ruok,srvr,stat,mntr,conf,cons,envi",
    "autopurge.purgeInterval=1",
    "autopurge.snapRetainCount=3",
  ];
  return `${lines.join("\n")}\n`;
}
