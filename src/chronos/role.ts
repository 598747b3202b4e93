import type { RoleDefinition } from "../common/role.js";
import { startChronos } from "./chronos.js";
import { CHRONOS_ENV_PREFIX, CHRONOS_FLAGS, chronosOptionsFromFlags } from "./flags.js";

/** `minimesos run chronos`: a Chronos-compatible job scheduler on a Mesos master, in this process. */
export const chronosRole: RoleDefinition = {
  name: "chronos",
  summary:
    "Chronos-compatible job scheduler: ISO 8601 repeating and dependent jobs, /v1/scheduler and /scheduler APIs",
  flags: CHRONOS_FLAGS,
  envPrefix: CHRONOS_ENV_PREFIX,
  start: async (flags, logger) => startChronos({ ...chronosOptionsFromFlags(flags), logger }),
};
