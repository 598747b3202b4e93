import type { RoleDefinition } from "../common/role.js";
import { startConsul } from "./consul.js";
import { CONSUL_ENV_PREFIX, CONSUL_FLAGS, consulOptionsFromFlags } from "./flags.js";

/** `minimesos run consul`: a Consul-compatible one-server agent (HTTP API, DNS interface), in this process. */
export const consulRole: RoleDefinition = {
  name: "consul",
  summary: "Consul-compatible dev agent: catalog, health, KV, blocking queries, DNS interface",
  flags: CONSUL_FLAGS,
  envPrefix: CONSUL_ENV_PREFIX,
  start: async (flags, logger) => startConsul({ ...consulOptionsFromFlags(flags), logger }),
};
