import dnsPacket, { type DecodedPacket, type RecordType } from "dns-packet";
import { exchange, type DnsEndpoint } from "./exchange.js";

export interface LookupOptions {
  /** Start over TCP instead of UDP. */
  tcp?: boolean;
  timeoutMs?: number;
}

let nextId = Math.floor(Math.random() * 0xffff);

/**
 * Asks one server one question and decodes the answer; a truncated UDP answer is asked again over TCP, as
 * resolvers do. For tests, `cluster.resolve` and the `dns` command.
 */
export async function lookup(
  server: DnsEndpoint,
  name: string,
  type: RecordType = "A",
  options: LookupOptions = {},
): Promise<DecodedPacket> {
  nextId = (nextId + 1) & 0xffff;
  const query = dnsPacket.encode({
    type: "query",
    id: nextId,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type, name, class: "IN" }],
  });
  const timeoutMs = options.timeoutMs ?? 2000;
  const answer = dnsPacket.decode(await exchange(query, server, options.tcp ? "tcp" : "udp", timeoutMs));
  if (answer.flag_tc && !options.tcp)
    return dnsPacket.decode(await exchange(query, server, "tcp", timeoutMs));
  return answer;
}
