import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseFlags } from "../common/flags.js";
import { DnsConfigError } from "./config.js";
import { DNS_ENV_PREFIX, DNS_FLAGS, dnsSettingsFromFlags, goStyleArgs } from "./flags.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function configFile(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "dns-config-"));
  dirs.push(dir);
  const file = join(dir, "config.json");
  writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json));
  return file;
}

const settings = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  dnsSettingsFromFlags(
    parseFlags(DNS_FLAGS, goStyleArgs(args), env, DNS_ENV_PREFIX).values,
    1_700_000_000_000,
  );

describe("Mesos-DNS settings", () => {
  it("has Mesos-DNS's defaults, local where minimesos must be: port 8053, 127.0.0.1, no resolvers", () => {
    const { config, subscribe } = settings(["--masters=127.0.0.1:5050"]);
    expect(config).toMatchObject({
      Domain: "mesos",
      Port: 8053,
      HttpPort: 8123,
      Listener: "127.0.0.1",
      HTTPListener: "127.0.0.1",
      Resolvers: [],
      RefreshSeconds: 60,
      TTL: 60,
      IPSources: ["netinfo", "mesos", "host"],
      SOAMname: "ns1.mesos.",
      SOARname: "root.ns1.mesos.",
      SOASerial: 1_700_000_000,
      Masters: ["127.0.0.1:5050"],
      EnumerationOn: true,
      SetTruncateBit: true,
    });
    expect(subscribe).toBe(true);
  });

  it("reads the -config file with keys in any case, as Go's JSON decoding matches them", () => {
    const file = configFile({
      masters: ["10.0.0.1:5050"],
      refreshSeconds: 1,
      domain: "MM",
      port: 53,
      httpport: 8124,
      dnson: true,
      IPSources: ["host"],
      SOARname: "admin@example.com",
      zoneResolvers: { "corp.local": ["10.1.1.1"] },
      ns: "ignored",
    });
    const { config } = settings([`-config=${file}`]);
    expect(config).toMatchObject({
      Masters: ["10.0.0.1:5050"],
      RefreshSeconds: 1,
      Domain: "mm",
      Port: 53,
      HttpPort: 8124,
      IPSources: ["host"],
      SOARname: "admin.example.com.",
      ZoneResolvers: { "corp.local": ["10.1.1.1"] },
      File: file,
    });
  });

  it("lets flags and MESOS_DNS_* variables win over the file", () => {
    const file = configFile({ masters: ["10.0.0.1:5050"], domain: "file", port: 53 });
    const env = { MESOS_DNS_DOMAIN: "mm", MESOS_DNS_REFRESH_SECONDS: "1", MESOS_DNS_PORT: "5353" };
    const { config } = settings(["-config", file, "-v=2", "--port=0"], env);
    expect(config).toMatchObject({ Domain: "mm", RefreshSeconds: 1, Port: 0, Masters: ["10.0.0.1:5050"] });
  });

  it("refuses what Mesos-DNS refuses", () => {
    expect(() => settings([])).toThrow("specify mesos masters or zookeeper");
    expect(() => settings(["--masters=a:1", "--ip_sources=netinfo,bogus"])).toThrow(DnsConfigError);
    expect(() => settings(["--masters=a:1", "--domain=bad_domain"])).toThrow("not a valid domain name");
    expect(() => settings([`--config=${configFile({ port: "53" })}`])).toThrow("cannot unmarshal");
    expect(() => settings([`--config=${configFile("{nope")}`])).toThrow("failed to unmarshal");
    expect(() => settings(["--config=/nonexistent/config.json"])).toThrow("missing configuration file");
  });

  it("turns Go-style single-dash flags into double-dash ones", () => {
    expect(goStyleArgs(["-config=/etc/c.json", "-v=2", "--port=1", "value"])).toEqual([
      "--config=/etc/c.json",
      "--v=2",
      "--port=1",
      "value",
    ]);
  });
});
