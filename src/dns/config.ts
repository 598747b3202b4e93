import { IP_SOURCES } from "./task-ips.js";

/**
 * Mesos-DNS's configuration, with the field names its `/v1/config` prints (Go's struct names and json
 * tags), in the same order. `File` is the config file read, if any.
 */
export interface MesosDnsConfig {
  RefreshSeconds: number;
  Port: number;
  Timeout: number;
  StateTimeoutSeconds: number;
  ZkDetectionTimeout: number;
  HttpPort: number;
  TTL: number;
  SRVRecordDefaultWeight: number;
  SOASerial: number;
  SOARefresh: number;
  SOARetry: number;
  SOAExpire: number;
  SOAMinttl: number;
  SOAMname: string;
  SOARname: string;
  Masters: string[] | null;
  ZoneResolvers: Record<string, string[]>;
  Resolvers: string[] | null;
  IPSources: string[];
  Zk: string;
  Domain: string;
  File: string;
  Listener: string;
  HTTPListener: string;
  RecurseOn: boolean;
  DnsOn: boolean;
  HttpOn: boolean;
  ExternalOn: boolean;
  EnforceRFC952: boolean;
  SetTruncateBit: boolean;
  EnumerationOn: boolean;
  MesosHTTPSOn: boolean;
  CACertFile: string;
  CertFile: string;
  KeyFile: string;
  MesosCredentials: { Principal: string; Secret: string };
  IAMConfigFile: string;
  MesosAuthentication: string;
}

/**
 * Mesos-DNS's defaults (NewConfig), except where minimesos is a local tool: DNS on port 8053 instead of
 * 53, both listeners on 127.0.0.1 instead of 0.0.0.0, and no upstream resolvers instead of 8.8.8.8 (so a
 * name outside the domain is REFUSED unless resolvers are configured).
 */
export function defaultConfig(): MesosDnsConfig {
  return {
    RefreshSeconds: 60,
    Port: 8053,
    Timeout: 5,
    StateTimeoutSeconds: 300,
    ZkDetectionTimeout: 30,
    HttpPort: 8123,
    TTL: 60,
    SRVRecordDefaultWeight: 1,
    SOASerial: 0,
    SOARefresh: 60,
    SOARetry: 600,
    SOAExpire: 86400,
    SOAMinttl: 60,
    SOAMname: "ns1.mesos",
    SOARname: "root.ns1.mesos",
    Masters: null,
    ZoneResolvers: {},
    Resolvers: [],
    IPSources: ["netinfo", "mesos", "host"],
    Zk: "",
    Domain: "mesos",
    File: "",
    Listener: "127.0.0.1",
    HTTPListener: "127.0.0.1",
    RecurseOn: true,
    DnsOn: true,
    HttpOn: true,
    ExternalOn: true,
    EnforceRFC952: false,
    SetTruncateBit: true,
    EnumerationOn: true,
    MesosHTTPSOn: false,
    CACertFile: "",
    CertFile: "",
    KeyFile: "",
    MesosCredentials: { Principal: "", Secret: "" },
    IAMConfigFile: "",
    MesosAuthentication: "",
  };
}

export class DnsConfigError extends Error {}

const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** What Mesos-DNS's SetConfig checks and normalises once the file is read. */
export function finishConfig(config: MesosDnsConfig, now = Date.now()): MesosDnsConfig {
  const c = { ...config };
  c.Domain = c.Domain.toLowerCase().replace(/\.$/, "");
  if (c.Domain === "" || !c.Domain.split(".").every((label) => DOMAIN_LABEL.test(label)))
    throw new DnsConfigError(`${c.Domain} is not a valid domain name`);
  if (!c.DnsOn && !c.HttpOn) throw new DnsConfigError("Either DNS or HTTP server should be on");
  if (c.IPSources.length === 0) throw new DnsConfigError("IPSources validation failed: empty source list");
  for (const source of c.IPSources)
    if (!(IP_SOURCES as readonly string[]).includes(source))
      throw new DnsConfigError(`IPSources validation failed: invalid IP source "${source}"`);
  if (c.StateTimeoutSeconds <= 0) throw new DnsConfigError(`Invalid HTTP Timeout: ${c.StateTimeoutSeconds}`);
  if (c.RefreshSeconds <= 0) throw new DnsConfigError(`Invalid refreshSeconds: ${c.RefreshSeconds}`);
  if (c.Zk === "" && (c.Masters ?? []).length === 0)
    throw new DnsConfigError("specify mesos masters or zookeeper in config.json");
  c.SOARname = `${c.SOARname.replace(/@/g, ".").replace(/\.+$/, "")}.`;
  c.SOAMname = `${c.SOAMname.replace(/\.+$/, "")}.`;
  c.SOASerial = Math.floor(now / 1000);
  return c;
}
