import { lookup } from "../common/dns/client.js";
import type { DnsEndpoint } from "../common/dns/exchange.js";

export type ResolveType = "A" | "AAAA" | "SRV";

/**
 * The answers of the cluster's Mesos-DNS for a name: IPs for A and AAAA, `target:port` for SRV; [] for a
 * name it does not know (NXDOMAIN or no record of that type).
 */
export async function resolveName(server: DnsEndpoint, name: string, type: ResolveType): Promise<string[]> {
  const answer = await lookup(server, name, type);
  return (answer.answers ?? []).flatMap((a) => {
    if (a.type !== type) return [];
    if (a.type === "SRV") return [`${a.data.target}:${a.data.port}`];
    return a.type === "A" || a.type === "AAAA" ? [a.data] : [];
  });
}
