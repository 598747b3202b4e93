/** What a name under the Consul domain asks for. */
export type ConsulName =
  | { kind: "service"; service: string; tag?: string; datacenter?: string }
  | { kind: "node"; node: string; datacenter?: string }
  | { kind: "addr"; ip: string; datacenter?: string }
  | { kind: "apex" }
  | { kind: "unknown" };

/** `0a000005` → `10.0.0.5`, as Consul writes IPv4 addresses in `<hex>.addr.<dc>.consul`. */
export const ipFromHex = (hex: string): string | undefined =>
  /^[0-9a-f]{8}$/.test(hex)
    ? [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(".")
    : undefined;

export const hexFromIp = (ip: string): string =>
  ip
    .split(".")
    .map((p) => Number(p).toString(16).padStart(2, "0"))
    .join("");

/**
 * Parses a query name (lower-cased, no trailing dot) under `domain` (no trailing dot), as Consul's DNS
 * does: `[tag.]name.service[.dc]`, `_name._tag.service[.dc]` (RFC 2782; `_tcp`/`_udp` mean any tag),
 * `node.node[.dc]`, `hex.addr[.dc]`.
 */
export function parseConsulName(name: string, domain: string): ConsulName | undefined {
  if (name === domain) return { kind: "apex" };
  if (!name.endsWith(`.${domain}`)) return undefined;
  const labels = name.slice(0, -domain.length - 1).split(".");
  let datacenter: string | undefined;
  let typeAt = labels.length - 1;
  const isType = (l: string | undefined) => l === "service" || l === "node" || l === "addr";
  if (!isType(labels[typeAt]) && isType(labels[typeAt - 1])) {
    datacenter = labels[typeAt];
    typeAt -= 1;
  }
  const type = labels[typeAt];
  const rest = labels.slice(0, typeAt);
  const dc = datacenter !== undefined ? { datacenter } : {};
  if (type === "service") {
    if (rest.length === 2 && rest[0]?.startsWith("_") && rest[1]?.startsWith("_")) {
      const tag = rest[1].slice(1);
      return {
        kind: "service",
        service: rest[0].slice(1),
        ...(tag === "tcp" || tag === "udp" ? {} : { tag }),
        ...dc,
      };
    }
    if (rest.length === 1) return { kind: "service", service: rest[0] as string, ...dc };
    if (rest.length === 2)
      return { kind: "service", service: rest[1] as string, tag: rest[0] as string, ...dc };
  }
  if (type === "node" && rest.length >= 1) return { kind: "node", node: rest.join("."), ...dc };
  if (type === "addr" && rest.length === 1) {
    const ip = ipFromHex(rest[0] as string);
    if (ip) return { kind: "addr", ip, ...dc };
  }
  return { kind: "unknown" };
}
