import { allocatePort } from "../common/ports.js";
import type { RoleLaunch } from "./runtime/runtime.js";
import type { StateDir } from "./state-dir.js";

/** The address clients use to reach a role bound to `ip`. */
const reachable = (ip: string): string => (ip === "0.0.0.0" ? "127.0.0.1" : ip);

/**
 * `minimesos run dns` for the cluster's `mesosdns { }` block: DNS on `port` (UDP and TCP), the HTTP API on
 * `httpPort` (the role's URL, which answers `/health`), following the master's event stream. It refreshes
 * every second when the stream is down, as minimesos ran Mesos-DNS (MESOS_DNS_REFRESH_SECONDS=1).
 */
export async function mesosDnsLaunch(
  spec: { port: number; httpPort: number },
  ip: string,
  master: string,
  state: StateDir,
): Promise<RoleLaunch> {
  const dnsPort = await allocatePort(spec.port, ip);
  const httpPort = await allocatePort(spec.httpPort, ip);
  return {
    name: "mesosdns",
    role: "dns",
    url: `http://${reachable(ip)}:${httpPort}`,
    logPath: state.logPath("mesosdns"),
    flags: {
      masters: master,
      port: String(dnsPort),
      listener: ip,
      http_port: String(httpPort),
      http_listener: ip,
      refresh_seconds: "1",
    },
  };
}

/** Where a cluster's DNS answers, from its launch flags. */
export const mesosDnsAddress = (launch: { url: string; flags: Record<string, string> }) => ({
  host: new URL(launch.url).hostname,
  port: Number(launch.flags.port),
});
