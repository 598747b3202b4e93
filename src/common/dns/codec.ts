import dnsPacket, { type Answer, type DecodedPacket, type OptAnswer, type Packet } from "dns-packet";
import { RCODES, type DnsReply, type DnsTransport, type Rcode } from "./message.js";

/** Bigger than this over TCP is not a DNS message (the length prefix is 16 bits). */
export const MAX_MESSAGE = 65_535;
/** UDP answers without EDNS fit in 512 bytes (RFC 1035); with EDNS up to what the client offered, capped. */
export const MIN_UDP_SIZE = 512;
export const MAX_UDP_SIZE = 4096;

const QR = 0x8000;
const OPCODE_MASK = 0x7800;
const RD = 0x0100;

export type Decoded =
  | { kind: "query"; packet: DecodedPacket }
  | { kind: "formerr"; id: number; flags: number }
  | { kind: "drop" };

/**
 * Decodes a query. Answers FORMERR for a header that can be read but a body that cannot, or for not exactly
 * one question; drops what has no readable header and every response (never answer an answer).
 */
export function decodeQuery(buffer: Buffer): Decoded {
  if (buffer.length < 12) return { kind: "drop" };
  const id = buffer.readUInt16BE(0);
  const flags = buffer.readUInt16BE(2);
  if ((flags & QR) !== 0) return { kind: "drop" };
  let packet: DecodedPacket;
  try {
    packet = dnsPacket.decode(buffer);
  } catch {
    return { kind: "formerr", id, flags };
  }
  if ((packet.questions ?? []).length !== 1) return { kind: "formerr", id, flags };
  return { kind: "query", packet };
}

/** The EDNS UDP size of a query's OPT record, if it has one. */
export function ednsUdpSize(packet: DecodedPacket): number | undefined {
  const opt = (packet.additionals ?? []).find((a) => a.type === "OPT");
  return opt && "udpPayloadSize" in opt ? opt.udpPayloadSize : undefined;
}

/** How large an answer may be: 64 KiB over TCP; over UDP 512 bytes, or the EDNS size (at most 4096). */
export function maxAnswerSize(transport: DnsTransport, edns: number | undefined): number {
  if (transport === "tcp") return MAX_MESSAGE;
  if (edns === undefined) return MIN_UDP_SIZE;
  return Math.max(MIN_UDP_SIZE, Math.min(MAX_UDP_SIZE, edns));
}

/** A bare error response to a query id (FORMERR for what could not be read, SERVFAIL for a failing handler). */
export function encodeError(id: number, queryFlags: number, rcode: Rcode, packet?: DecodedPacket): Buffer {
  return dnsPacket.encode({
    type: "response",
    id,
    flags: (queryFlags & (OPCODE_MASK | RD)) | RCODES[rcode],
    questions: packet?.questions ?? [],
  });
}

const optRecord = (size: number): Answer => {
  const opt: OptAnswer = {
    type: "OPT",
    name: ".",
    udpPayloadSize: size,
    extendedRcode: 0,
    ednsVersion: 0,
    flags: 0,
    flag_do: false,
    options: [],
  };
  return opt;
};

/**
 * The response to a query, within `maxSize` bytes: when too large, the additional records go first, then
 * answers from the end, and the TC bit tells the client to ask again over TCP (as Mesos-DNS with
 * SetTruncateBit does; without it the answer is cut silently).
 */
export function encodeReply(
  query: DecodedPacket,
  reply: DnsReply,
  maxSize: number,
  edns: number | undefined,
  setTruncateBit = true,
): Buffer {
  const flags =
    ((query.flags ?? 0) & (OPCODE_MASK | RD)) |
    (reply.authoritative ? dnsPacket.AUTHORITATIVE_ANSWER : 0) |
    (reply.recursionAvailable ? dnsPacket.RECURSION_AVAILABLE : 0) |
    RCODES[reply.rcode];
  const extra = edns === undefined ? [] : [optRecord(Math.max(MIN_UDP_SIZE, Math.min(MAX_UDP_SIZE, edns)))];
  const packet: Packet = {
    type: "response",
    id: query.id,
    flags,
    questions: query.questions,
    answers: reply.answers ?? [],
    authorities: reply.authorities ?? [],
    additionals: [...(reply.additionals ?? []), ...extra],
  };
  const whole = dnsPacket.encode(packet);
  if (whole.length <= maxSize) return whole;
  const truncatedFlags = setTruncateBit ? flags | dnsPacket.TRUNCATED_RESPONSE : flags;
  const cut: Packet = { ...packet, flags: truncatedFlags, additionals: extra };
  const answers = packet.answers ?? [];
  let keep = answers.length;
  while (keep > 0 && dnsPacket.encodingLength({ ...cut, answers: answers.slice(0, keep) }) > maxSize) keep--;
  cut.answers = answers.slice(0, keep);
  if (dnsPacket.encodingLength(cut) > maxSize) cut.authorities = [];
  return dnsPacket.encode(cut);
}

/** A forwarded answer, with the query's id, cut to the TC-flagged header and question when it is too large. */
export function adaptRawReply(raw: Buffer, query: DecodedPacket, maxSize: number): Buffer {
  const copy = Buffer.from(raw);
  copy.writeUInt16BE(query.id ?? 0, 0);
  if (copy.length <= maxSize) return copy;
  let flags = copy.readUInt16BE(2) | dnsPacket.TRUNCATED_RESPONSE;
  flags &= 0xffff;
  return dnsPacket.encode({
    type: "response",
    id: query.id,
    flags: flags & 0x7fff,
    questions: query.questions,
  });
}
