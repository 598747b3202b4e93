import { hasCapability, type FrameworkInfo } from "../../mesos/framework.js";
import { frameworkRoles } from "../../mesos/framework.js";
import { invalidRoleReason } from "../core/role-names.js";

/** The subscription-level refusals of a FrameworkInfo (sent as an ERROR event), or undefined. */
export function frameworkInfoProblem(
  info: FrameworkInfo,
  suppressedRoles: readonly string[] = [],
): string | undefined {
  const multiRole = hasCapability(info, "MULTI_ROLE");
  if (multiRole && info.role !== undefined)
    return "'FrameworkInfo.role' must not be set when the framework is MULTI_ROLE capable";
  if (!multiRole && (info.roles?.length ?? 0) > 0)
    return "'FrameworkInfo.roles' must not be set when the framework is not MULTI_ROLE capable";
  const roles = frameworkRoles(info);
  if (new Set(roles).size !== roles.length) return "'FrameworkInfo.roles' contains duplicate entries";
  for (const role of roles) {
    const reason = invalidRoleReason(role);
    if (reason) return reason;
  }
  for (const role of suppressedRoles)
    if (!roles.includes(role)) return `Suppressed role '${role}' is not contained in the list of roles`;
  if (info.failover_timeout !== undefined && !(Number(info.failover_timeout) >= 0))
    return "Invalid 'FrameworkInfo.failover_timeout'";
  return undefined;
}
