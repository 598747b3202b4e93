import type { Answer } from "dns-packet";
import { isIPv4, isIPv6 } from "node:net";
import type { Forwarder } from "../common/dns/forwarder.js";
import type { DnsQuery, DnsRawReply, DnsReply } from "../common/dns/message.js";
import type { RecordSet } from "./record-set.js";

export interface ZoneSettings {
  /** Lower case, no trailing dot. */
  domain: string;
  ttl: number;
  srvWeight: number;
  recurseOn: boolean;
  soaMname: string;
  soaRname: string;
  soaRefresh: number;
  soaRetry: number;
  soaExpire: number;
}

export interface ZoneView {
  records(): RecordSet;
  /** The SOA serial: the time of the last change of the records, in seconds. */
  serial(): number;
}

/** Mesos-DNS drops `.*` wherever it appears in a name, then matches lower-cased. */
export const normaliseName = (name: string): string => {
  const lower = name.replace(/\.\*/g, "").toLowerCase();
  return lower.endsWith(".") ? lower : `${lower}.`;
};

const inZone = (name: string, domain: string): boolean =>
  name === `${domain}.` || name.endsWith(`.${domain}.`);

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Answers queries the way Mesos-DNS's resolver does: names in the domain from the record set (A, AAAA,
 * SRV with the targets' addresses as additionals, SOA, NS, ANY), NXDOMAIN with the SOA for names that have
 * no record at all, and every other name to the forwarder.
 */
export class MesosDnsResolver {
  constructor(
    private readonly zone: ZoneSettings,
    private readonly view: ZoneView,
    private readonly forwarder: Forwarder,
    /** `zoneResolvers`: zones (lower case, no trailing dot) with their own forwarders. */
    private readonly zoneForwarders: ReadonlyMap<string, Forwarder> = new Map(),
  ) {}

  handle = (query: DnsQuery): DnsReply | DnsRawReply | Promise<DnsReply | DnsRawReply> => {
    const name = normaliseName(query.question.name);
    if (inZone(name, this.zone.domain)) return this.answer(query, name);
    for (const [zone, forwarder] of this.zoneForwarders)
      if (inZone(name, zone)) return forwarder.forward(query);
    return this.forwarder.forward(query);
  };

  private answer(query: DnsQuery, name: string): DnsReply {
    const rs = this.view.records();
    const asked = query.question.name;
    const reply: Required<Pick<DnsReply, "answers" | "authorities" | "additionals">> & DnsReply = {
      rcode: "NOERROR",
      authoritative: true,
      recursionAvailable: this.zone.recurseOn,
      answers: [],
      authorities: [],
      additionals: [],
    };
    // dns-packet decodes type 255 as "ANY", which its RecordType union leaves out.
    const type: string = query.question.type;
    if (type === "SRV" || type === "ANY") this.srv(rs, name, asked, reply);
    if (type === "A" || type === "ANY") reply.answers.push(...this.addresses(rs, "A", name));
    if (type === "AAAA" || type === "ANY") reply.answers.push(...this.addresses(rs, "AAAA", name));
    if (type === "SOA" || type === "ANY") reply.answers.push(this.soa(asked));
    if (type === "NS" || type === "ANY") reply.answers.push(this.ns(asked));
    if (reply.answers.length > 0) {
      shuffle(reply.answers);
      return reply;
    }
    // Nothing to answer: SRV gives an empty NOERROR; any other type NXDOMAIN, or NOERROR when the name has
    // records of another type; both with the SOA as authority.
    if (type !== "SRV") {
      if (!rs.has(name)) reply.rcode = "NXDOMAIN";
      reply.authorities.push(this.soa(asked));
    }
    return reply;
  }

  private addresses(rs: RecordSet, kind: "A" | "AAAA", name: string): Answer[] {
    const valid = kind === "A" ? isIPv4 : isIPv6;
    return rs
      .values(kind, name)
      .filter((ip) => valid(ip))
      .map((ip) => ({ type: kind, name, ttl: this.zone.ttl, class: "IN", data: ip }));
  }

  private srv(
    rs: RecordSet,
    name: string,
    asked: string,
    reply: Required<Pick<DnsReply, "answers" | "additionals">>,
  ): void {
    const added = new Set<string>();
    for (const value of rs.values("SRV", name)) {
      const colon = value.lastIndexOf(":");
      const target = value.slice(0, colon);
      const port = Number(value.slice(colon + 1));
      if (colon < 0 || !Number.isInteger(port)) continue;
      reply.answers.push({
        type: "SRV",
        name: asked,
        ttl: this.zone.ttl,
        class: "IN",
        data: { priority: 0, weight: this.zone.srvWeight, port, target },
      });
      if (added.has(target)) continue;
      added.add(target);
      for (const kind of ["A", "AAAA"] as const) {
        const ip = rs.first(kind, target);
        if (ip !== undefined && (kind === "A" ? isIPv4(ip) : isIPv6(ip)))
          reply.additionals.push({ type: kind, name: target, ttl: this.zone.ttl, class: "IN", data: ip });
      }
    }
  }

  private soa(name: string): Answer {
    const z = this.zone;
    return {
      type: "SOA",
      name,
      ttl: z.ttl,
      class: "IN",
      data: {
        mname: z.soaMname,
        rname: z.soaRname,
        serial: this.view.serial(),
        refresh: z.soaRefresh,
        retry: z.soaRetry,
        expire: z.soaExpire,
        minimum: z.ttl,
      },
    };
  }

  private ns(name: string): Answer {
    return { type: "NS", name, ttl: this.zone.ttl, class: "IN", data: this.zone.soaMname };
  }
}
