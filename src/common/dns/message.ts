import type { Answer, Question } from "dns-packet";

export type DnsTransport = "udp" | "tcp";

export type Rcode = "NOERROR" | "FORMERR" | "SERVFAIL" | "NXDOMAIN" | "NOTIMP" | "REFUSED";

export const RCODES: Record<Rcode, number> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
};

/** One decoded query: a single question, as every resolver sends. */
export interface DnsQuery {
  id: number;
  question: Question;
  /** Recursion desired. */
  recursionDesired: boolean;
  /** Checking disabled (kept on forwarded queries). */
  transport: DnsTransport;
  /** The EDNS UDP payload size the client offered (undefined without an OPT record). */
  ednsUdpSize?: number;
  /** The query as it arrived on the wire, for forwarding unchanged. */
  raw: Buffer;
  remote: { address: string; port: number };
}

/** What a handler answers; the server turns it into a response packet for the query. */
export interface DnsReply {
  rcode: Rcode;
  authoritative?: boolean;
  recursionAvailable?: boolean;
  answers?: Answer[];
  authorities?: Answer[];
  additionals?: Answer[];
}

/**
 * A reply built elsewhere, passed through as wire bytes (a forwarded upstream answer). The server sets the
 * query's id and truncates it for UDP when it is too large.
 */
export interface DnsRawReply {
  raw: Buffer;
}

export type DnsHandler = (query: DnsQuery) => DnsReply | DnsRawReply | Promise<DnsReply | DnsRawReply>;
