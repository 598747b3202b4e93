import type { FlagSpecs, FlagValue } from "../common/flags.js";

/** Consul's agent flags (`-http-port` and the others, here as `--http_port`), for a one-server `-dev` agent. */
export const CONSUL_FLAGS: FlagSpecs = {
  client: { kind: "string", help: "Address the HTTP and DNS interfaces bind", default: "127.0.0.1" },
  advertise: { kind: "string", help: "Address the node advertises (default: the client address)" },
  http_port: { kind: "number", help: "Port of the HTTP API (0 = any free port)", default: "8500" },
  dns_port: {
    kind: "number",
    help: "Port of the DNS interface, UDP and TCP (0 = any free port, -1 = off)",
    default: "8600",
  },
  datacenter: { kind: "string", help: "Datacenter name", default: "dc1" },
  node: { kind: "string", help: "Node name (default: the host name)" },
  domain: { kind: "string", help: "DNS domain", default: "consul" },
  data_dir: {
    kind: "string",
    help: "Directory that keeps the catalog and KV store across restarts (default: memory)",
  },
  dns_only_passing: {
    kind: "boolean",
    help: "DNS leaves out instances with a warning check too (by default only critical ones)",
    default: "false",
  },
};

/** Each flag also reads from `CONSUL_<FLAG>` (e.g. CONSUL_HTTP_PORT, CONSUL_DATA_DIR). */
export const CONSUL_ENV_PREFIX = "CONSUL_";

export interface ConsulOptions {
  client?: string;
  advertise?: string;
  httpPort?: number;
  dnsPort?: number;
  datacenter?: string;
  node?: string;
  domain?: string;
  dataDir?: string;
  dnsOnlyPassing?: boolean;
}

const str = (v: FlagValue): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: FlagValue): number | undefined => (typeof v === "number" ? v : undefined);

export function consulOptionsFromFlags(values: Record<string, FlagValue>): ConsulOptions {
  const options: ConsulOptions = {};
  const set = <K extends keyof ConsulOptions>(key: K, value: ConsulOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set("client", str(values.client));
  set("advertise", str(values.advertise));
  set("httpPort", num(values.http_port));
  set("dnsPort", num(values.dns_port));
  set("datacenter", str(values.datacenter));
  set("node", str(values.node));
  set("domain", str(values.domain));
  set("dataDir", str(values.data_dir));
  set("dnsOnlyPassing", values.dns_only_passing === true);
  return options;
}
