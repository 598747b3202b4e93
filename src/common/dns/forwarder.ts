import type { DnsQuery, DnsRawReply, DnsReply } from "./message.js";
import { exchange, parseEndpoint, type DnsEndpoint } from "./exchange.js";

export interface ForwarderOptions {
  /** Upstream servers, `host` or `host:port` (53 by default), tried in order. */
  resolvers: readonly string[];
  timeoutMs: number;
}

/**
 * Forwards a query unchanged to the configured upstreams, over the transport it arrived on, and never to
 * any other address. No upstreams: REFUSED; every upstream failing: SERVFAIL (as Mesos-DNS answers).
 */
export class Forwarder {
  private readonly upstreams: DnsEndpoint[];

  constructor(private readonly options: ForwarderOptions) {
    this.upstreams = options.resolvers.map(parseEndpoint);
  }

  get configured(): boolean {
    return this.upstreams.length > 0;
  }

  async forward(query: DnsQuery): Promise<DnsReply | DnsRawReply> {
    if (this.upstreams.length === 0) return { rcode: "REFUSED" };
    for (const upstream of this.upstreams) {
      try {
        return { raw: await exchange(query.raw, upstream, query.transport, this.options.timeoutMs) };
      } catch {
        // The next upstream, as Mesos-DNS's forwarder tries each in turn.
      }
    }
    return { rcode: "SERVFAIL" };
  }
}
