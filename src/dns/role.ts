import type { RoleDefinition } from "../common/role.js";
import { DNS_ENV_PREFIX, DNS_FLAGS, dnsSettingsFromFlags, goStyleArgs } from "./flags.js";
import { startMesosDns } from "./mesos-dns.js";

/** `minimesos run dns`: a Mesos-DNS-compatible DNS server and HTTP API for a Mesos master, in this process. */
export const dnsRole: RoleDefinition = {
  name: "dns",
  summary:
    "Mesos-DNS-compatible DNS server (A, AAAA, SRV, SOA, NS) and its HTTP API, fresh from the master's event stream",
  flags: DNS_FLAGS,
  envPrefix: DNS_ENV_PREFIX,
  normaliseArgs: goStyleArgs,
  start: async (flags, logger) => {
    const { config, subscribe, networkPort } = dnsSettingsFromFlags(flags);
    // Serving at once: `/health` answers 503 until the first master state is in (up waits for it).
    return startMesosDns({ config, subscribe, logger, networkPort, firstStateWaitMs: 0 });
  },
};
