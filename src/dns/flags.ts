import type { FlagSpecs, FlagValue } from "../common/flags.js";
import { defaultConfig, finishConfig, type MesosDnsConfig } from "./config.js";
import { readConfigFile } from "./config-file.js";

/**
 * Mesos-DNS reads its settings from the `-config` JSON file; here each one is also a flag (and a
 * MESOS_DNS_<FLAG> variable, as minimesos's Mesos-DNS image took MESOS_DNS_ZK, MESOS_DNS_DOMAIN,
 * MESOS_DNS_PORT and MESOS_DNS_REFRESH_SECONDS). Flags and variables win over the file. No flag has a
 * default of its own, so that an unset flag leaves the file's value.
 */
export const DNS_FLAGS: FlagSpecs = {
  config: { kind: "string", help: "Path to the Mesos-DNS JSON config file (-config=config.json)" },
  masters: { kind: "string", help: "Mesos masters, comma-separated host:port" },
  zk: { kind: "string", help: "ZooKeeper URL of the masters (zk://host:2181/mesos)" },
  refresh_seconds: { kind: "number", help: "Seconds between /master/state polls (fallback) (default: 60)" },
  subscribe: {
    kind: "boolean",
    help: "Follow the master's operator SUBSCRIBE stream for fresh records; polls only when off (default: true)",
  },
  ttl: { kind: "number", help: "TTL of every record, seconds (default: 60)" },
  domain: { kind: "string", help: "Domain of the records (default: mesos)" },
  port: { kind: "number", help: "DNS port, UDP and TCP; 0 = any free port (default: 8053)" },
  listener: { kind: "string", help: "Address the DNS server binds (default: 127.0.0.1)" },
  resolvers: { kind: "string", help: "Upstream resolvers for other names, comma-separated (default: none)" },
  timeout: { kind: "number", help: "Seconds to wait for an upstream resolver (default: 5)" },
  http_port: { kind: "number", help: "HTTP API port; 0 = any free port (default: 8123)" },
  http_listener: { kind: "string", help: "Address the HTTP API binds (default: 127.0.0.1)" },
  dns_on: { kind: "boolean", help: "Serve DNS (default: true)" },
  http_on: { kind: "boolean", help: "Serve the HTTP API (default: true)" },
  external_on: { kind: "boolean", help: "Forward other names to the resolvers (default: true)" },
  recurse_on: { kind: "boolean", help: "Set the recursion-available bit (default: true)" },
  enforce_rfc952: { kind: "boolean", help: "24-character labels starting with a letter (default: false)" },
  set_truncate_bit: { kind: "boolean", help: "Set TC on answers cut to fit UDP (default: true)" },
  enumeration_on: { kind: "boolean", help: "Serve /v1/enumerate and /v1/axfr (default: true)" },
  srv_record_default_weight: { kind: "number", help: "Weight of SRV records (default: 1)" },
  ip_sources: {
    kind: "string",
    help: "Task IP sources in order: netinfo,mesos,docker,host (default: netinfo,mesos,host)",
  },
  state_timeout_seconds: { kind: "number", help: "Timeout of a /master/state request (default: 300)" },
  soa_mname: { kind: "string", help: "SOA primary name server (default: ns1.mesos)" },
  soa_rname: { kind: "string", help: "SOA responsible mailbox (default: root.ns1.mesos)" },
  soa_refresh: { kind: "number", help: "SOA refresh (default: 60)" },
  soa_retry: { kind: "number", help: "SOA retry (default: 600)" },
  soa_expire: { kind: "number", help: "SOA expire (default: 86400)" },
  soa_minttl: { kind: "number", help: "SOA minimum TTL (default: 60)" },
  network_port: {
    kind: "number",
    help: "Also answer DNS on this port (the Docker runtime's port 53 on the cluster network)",
  },
  v: { kind: "number", help: "Verbosity (accepted for compatibility; the log level is MINIMESOS_LOG_LEVEL)" },
};

export const DNS_ENV_PREFIX = "MESOS_DNS_";

const list = (text: string): string[] =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** Which config field each flag sets, and how. */
const FIELDS: Record<string, [keyof MesosDnsConfig, (value: FlagValue) => unknown]> = {
  masters: ["Masters", (v) => list(String(v))],
  zk: ["Zk", String],
  refresh_seconds: ["RefreshSeconds", Number],
  ttl: ["TTL", Number],
  domain: ["Domain", String],
  port: ["Port", Number],
  listener: ["Listener", String],
  resolvers: ["Resolvers", (v) => list(String(v))],
  timeout: ["Timeout", Number],
  http_port: ["HttpPort", Number],
  http_listener: ["HTTPListener", String],
  dns_on: ["DnsOn", Boolean],
  http_on: ["HttpOn", Boolean],
  external_on: ["ExternalOn", Boolean],
  recurse_on: ["RecurseOn", Boolean],
  enforce_rfc952: ["EnforceRFC952", Boolean],
  set_truncate_bit: ["SetTruncateBit", Boolean],
  enumeration_on: ["EnumerationOn", Boolean],
  srv_record_default_weight: ["SRVRecordDefaultWeight", Number],
  ip_sources: ["IPSources", (v) => list(String(v))],
  state_timeout_seconds: ["StateTimeoutSeconds", Number],
  soa_mname: ["SOAMname", String],
  soa_rname: ["SOARname", String],
  soa_refresh: ["SOARefresh", Number],
  soa_retry: ["SOARetry", Number],
  soa_expire: ["SOAExpire", Number],
  soa_minttl: ["SOAMinttl", Number],
};

export interface DnsSettings {
  config: MesosDnsConfig;
  /** Another port the DNS server answers on, beside `config.Port`. */
  networkPort?: number;
  /** Follow the operator API's SUBSCRIBE stream (the `/master/state` poll stays as the fallback). */
  subscribe: boolean;
}

/** Defaults, then the `-config` file, then flags and MESOS_DNS_* variables; checked as Mesos-DNS checks. */
export function dnsSettingsFromFlags(values: Record<string, FlagValue>, now = Date.now()): DnsSettings {
  let config = defaultConfig();
  if (typeof values.config === "string" && values.config !== "")
    config = readConfigFile(config, values.config);
  const overrides: Record<string, unknown> = {};
  for (const [flag, [field, convert]] of Object.entries(FIELDS)) {
    const value = values[flag];
    if (value !== undefined) overrides[field] = convert(value);
  }
  return {
    config: finishConfig({ ...config, ...overrides } as MesosDnsConfig, now),
    subscribe: values.subscribe !== false,
    ...(typeof values.network_port === "number" ? { networkPort: values.network_port } : {}),
  };
}

/**
 * Go's flag package also takes `-name=value` and `-name value`: minimesos started Mesos-DNS with
 * `-v=2 -config=/etc/mesos-dns/config.json`. Those become `--name=value` here.
 */
export const goStyleArgs = (args: readonly string[]): string[] =>
  args.map((arg) => (/^-[a-z]/i.test(arg) && !arg.startsWith("--") ? `-${arg}` : arg));
