import { agentRole } from "../agent/role.js";
import { masterRole } from "../master/role.js";
import { marathonRole } from "../marathon/role.js";
import type { RoleDefinition } from "./role.js";

/** Every role `minimesos run` can start, by name. */
export const ROLE_DEFINITIONS = {
  master: masterRole,
  agent: agentRole,
  marathon: marathonRole,
} satisfies Record<string, RoleDefinition>;
