import type { RoleDefinition } from "../common/role.js";
import { REGISTRATOR_ENV_PREFIX, REGISTRATOR_FLAGS, registratorOptionsFromFlags } from "./flags.js";
import { startRegistrator } from "./registrator.js";

/** `minimesos run registrator`: registers running tasks' ports as Consul services, following the master. */
export const registratorRole: RoleDefinition = {
  name: "registrator",
  summary:
    "registrator for Mesos tasks: each running task's ports as Consul services, from the master's event stream",
  flags: REGISTRATOR_FLAGS,
  envPrefix: REGISTRATOR_ENV_PREFIX,
  start: async (flags, logger) => startRegistrator({ ...registratorOptionsFromFlags(flags), logger }),
};
