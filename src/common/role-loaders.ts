import type { RoleDefinition } from "./role.js";

/**
 * Every role `minimesos run` can start, loaded on demand: a role process loads only its own code
 * (`role-registry.ts` has the same roles loaded eagerly, for callers that start roles in process).
 */
const LOADERS = {
  master: async () => (await import("../master/role.js")).masterRole,
  agent: async () => (await import("../agent/role.js")).agentRole,
  marathon: async () => (await import("../marathon/role.js")).marathonRole,
  chronos: async () => (await import("../chronos/role.js")).chronosRole,
  consul: async () => (await import("../consul/role.js")).consulRole,
  registrator: async () => (await import("../registrator/role.js")).registratorRole,
  dns: async () => (await import("../dns/role.js")).dnsRole,
} satisfies Record<string, () => Promise<RoleDefinition>>;

export type RoleName = keyof typeof LOADERS;

export const ROLE_NAMES = Object.keys(LOADERS) as RoleName[];

export const isRoleName = (name: string): name is RoleName => Object.hasOwn(LOADERS, name);

export const loadRoleDefinition = (name: RoleName): Promise<RoleDefinition> => LOADERS[name]();
