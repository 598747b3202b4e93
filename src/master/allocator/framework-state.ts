import type { AllocatorFramework } from "./allocator.js";

export interface FrameworkState {
  id: string;
  roles: string[];
  suppressed: Set<string>;
  active: boolean;
}

export function frameworkStateOf(framework: AllocatorFramework, active = true): FrameworkState {
  const roles = [...new Set(framework.roles)];
  const suppressed = new Set((framework.suppressedRoles ?? []).filter((r) => roles.includes(r)));
  return { id: framework.frameworkId, roles, suppressed, active };
}

/** The roles a REVIVE or SUPPRESS names, or all the framework's roles when it names none. */
export function rolesNamed(framework: FrameworkState, roles: readonly string[] | undefined): string[] {
  if (!roles || roles.length === 0) return framework.roles;
  return roles.filter((r) => framework.roles.includes(r));
}

/** The roles under which the framework wants offers now. */
export const wantedRoles = (framework: FrameworkState): string[] =>
  framework.active ? framework.roles.filter((r) => !framework.suppressed.has(r)) : [];
