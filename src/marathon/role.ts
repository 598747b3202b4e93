import type { RoleDefinition } from "../common/role.js";
import { MARATHON_ENV_PREFIX, MARATHON_FLAGS, marathonOptionsFromFlags } from "./flags.js";
import { startMarathon } from "./marathon.js";

/** `minimesos run marathon`: a Marathon-compatible scheduler on a Mesos master, in this process. */
export const marathonRole: RoleDefinition = {
  name: "marathon",
  summary: "Marathon-compatible scheduler: /v2 REST API, deployments, health checks, event stream",
  flags: MARATHON_FLAGS,
  envPrefix: MARATHON_ENV_PREFIX,
  start: async (flags, logger) => startMarathon({ ...marathonOptionsFromFlags(flags), logger }),
};
