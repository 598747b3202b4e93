import type { Answer } from "dns-packet";
import type { DnsHandler, DnsReply } from "../../common/dns/message.js";
import type { ConsulContext } from "../http/context.js";
import { instancesWithChecks, type InstanceHealth } from "../http/health-view.js";
import { hexFromIp, parseConsulName } from "./lookup-name.js";

const TTL = 0;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Consul's DNS interface over the catalog: service lookups (A and SRV, by tag, RFC 2782 form), node
 * lookups and `.addr` names, under `<domain>` with an optional datacenter. Instances with a critical check
 * are left out (with `dnsOnlyPassing`, those with a warning too). Records have TTL 0, as Consul's default.
 */
export function consulDnsHandler(ctx: ConsulContext): DnsHandler {
  const { config, catalog } = ctx;
  const domain = config.domain.replace(/\.$/, "");
  const soa = (): Answer => ({
    name: `${domain}.`,
    type: "SOA",
    ttl: TTL,
    data: {
      mname: `ns.${domain}.`,
      rname: `hostmaster.${domain}.`,
      serial: Math.floor(Date.now() / 1000),
      refresh: 3600,
      retry: 600,
      expire: 86400,
      minimum: 0,
    },
  });
  const nxdomain = (): DnsReply => ({ rcode: "NXDOMAIN", authoritative: true, authorities: [soa()] });
  const empty = (): DnsReply => ({ rcode: "NOERROR", authoritative: true, authorities: [soa()] });
  const a = (name: string, ip: string): Answer => ({ name, type: "A", ttl: TTL, data: ip });
  const healthy = (h: InstanceHealth) =>
    h.checks.every((c) => c.status === "passing" || (c.status === "warning" && !config.dnsOnlyPassing));

  return (query) => {
    const qname = query.question.name.toLowerCase().replace(/\.$/, "");
    const qtype: string = query.question.type;
    const parsed = parseConsulName(qname, domain);
    if (!parsed) return { rcode: "REFUSED" };
    if ("datacenter" in parsed && parsed.datacenter !== undefined && parsed.datacenter !== config.datacenter)
      return nxdomain();
    const owner = `${query.question.name.replace(/\.$/, "")}.`;
    switch (parsed.kind) {
      case "apex":
        if (qtype === "SOA") return { rcode: "NOERROR", authoritative: true, answers: [soa()] };
        if (qtype === "NS")
          return {
            rcode: "NOERROR",
            authoritative: true,
            answers: [{ name: `${domain}.`, type: "NS", ttl: TTL, data: `ns.${domain}.` }],
            additionals: [a(`ns.${domain}.`, config.advertiseAddr)],
          };
        return empty();
      case "node": {
        const node = catalog.node(parsed.node);
        if (!node) return nxdomain();
        if (qtype !== "A" && qtype !== "ANY") return empty();
        return { rcode: "NOERROR", authoritative: true, answers: [a(owner, node.address)] };
      }
      case "addr":
        if (qtype !== "A" && qtype !== "ANY") return empty();
        return { rcode: "NOERROR", authoritative: true, answers: [a(owner, parsed.ip)] };
      case "service": {
        const instances = shuffle(instancesWithChecks(ctx, parsed.service, parsed.tag).filter(healthy));
        if (instances.length === 0) return nxdomain();
        const targets = instances.flatMap((h) => {
          const node = catalog.node(h.service.node);
          if (!node) return [];
          const address = h.service.address || node.address;
          const own = h.service.address !== "" && h.service.address !== node.address && IPV4.test(address);
          const target = own
            ? `${hexFromIp(address)}.addr.${config.datacenter}.${domain}.`
            : `${node.node}.node.${config.datacenter}.${domain}.`;
          return [{ address, port: h.service.port, target }];
        });
        if (qtype === "SRV")
          return {
            rcode: "NOERROR",
            authoritative: true,
            answers: targets.map((t) => ({
              name: owner,
              type: "SRV" as const,
              ttl: TTL,
              data: { priority: 1, weight: 1, port: t.port, target: t.target },
            })),
            additionals: targets.filter((t) => IPV4.test(t.address)).map((t) => a(t.target, t.address)),
          };
        if (qtype !== "A" && qtype !== "ANY") return empty();
        const seen = new Set<string>();
        const answers = targets
          .filter((t) => IPV4.test(t.address) && !seen.has(t.address) && seen.add(t.address))
          .map((t) => a(owner, t.address));
        return { rcode: "NOERROR", authoritative: true, answers };
      }
      default:
        return nxdomain();
    }
  };
}
