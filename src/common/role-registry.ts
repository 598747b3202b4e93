import { agentRole } from "../agent/role.js";
import { chronosRole } from "../chronos/role.js";
import { consulRole } from "../consul/role.js";
import { dnsRole } from "../dns/role.js";
import { masterRole } from "../master/role.js";
import { marathonRole } from "../marathon/role.js";
import { registratorRole } from "../registrator/role.js";
import type { RoleDefinition } from "./role.js";

/** Every role `minimesos run` can start, by name. */
export const ROLE_DEFINITIONS = {
  master: masterRole,
  agent: agentRole,
  marathon: marathonRole,
  chronos: chronosRole,
  consul: consulRole,
  registrator: registratorRole,
  dns: dnsRole,
} satisfies Record<string, RoleDefinition>;
