import type { RoleDefinition } from "../common/role.js";
import { MASTER_FLAGS, masterOptionsFromFlags } from "./flags.js";
import { startMaster } from "./master.js";

/** `minimesos run master`: a Mesos-compatible master in this process. */
export const masterRole: RoleDefinition = {
  name: "master",
  summary: "Mesos-compatible master: scheduler and operator APIs v1, offers (DRF), /master/state",
  flags: MASTER_FLAGS,
  start: async (flags, logger) => startMaster({ ...masterOptionsFromFlags(flags), logger }),
};
