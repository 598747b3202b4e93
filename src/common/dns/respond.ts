import type { Logger } from "../logger.js";
import { adaptRawReply, decodeQuery, ednsUdpSize, encodeError, encodeReply, maxAnswerSize } from "./codec.js";
import type { DnsHandler, DnsQuery, DnsRawReply, DnsReply, DnsTransport } from "./message.js";

export interface RespondOptions {
  handler: DnsHandler;
  logger: Logger;
  /** Set TC on answers cut to fit (default true, as Mesos-DNS's SetTruncateBit). */
  setTruncateBit?: boolean;
}

export type Answer = Buffer | undefined;

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> =>
  typeof (value as Promise<T>)?.then === "function";

/**
 * One query in, one answer out (or none: unreadable headers and responses are dropped). A handler that
 * throws or rejects gives SERVFAIL; nothing here throws. A synchronous handler is answered synchronously
 * (no promise per query on the hot path); a forwarding one gives a promise.
 */
export function respond(
  buffer: Buffer,
  transport: DnsTransport,
  remote: { address: string; port: number },
  options: RespondOptions,
): Answer | Promise<Answer> {
  const decoded = decodeQuery(buffer);
  if (decoded.kind === "drop") return undefined;
  if (decoded.kind === "formerr") return encodeError(decoded.id, decoded.flags, "FORMERR");
  const packet = decoded.packet;
  const edns = ednsUdpSize(packet);
  const query: DnsQuery = {
    id: packet.id ?? 0,
    question: packet.questions![0]!,
    recursionDesired: packet.flag_rd,
    transport,
    ...(edns !== undefined ? { ednsUdpSize: edns } : {}),
    raw: buffer,
    remote,
  };
  const maxSize = maxAnswerSize(transport, edns);
  const fail = (error: unknown): Buffer => {
    options.logger.warn({ err: error, name: query.question.name }, "DNS query failed");
    return encodeError(query.id, packet.flags ?? 0, "SERVFAIL", packet);
  };
  const encode = (reply: DnsReply | DnsRawReply): Buffer =>
    "raw" in reply
      ? adaptRawReply(reply.raw, packet, maxSize)
      : encodeReply(packet, reply, maxSize, edns, options.setTruncateBit ?? true);
  try {
    const reply = options.handler(query);
    if (!isPromise(reply)) return encode(reply);
    return reply.then(encode).catch(fail);
  } catch (error) {
    return fail(error);
  }
}
