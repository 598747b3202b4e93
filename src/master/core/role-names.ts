/** Why a role name is invalid under Mesos's rules, or undefined when it is valid. */
export function invalidRoleReason(role: string): string | undefined {
  if (role === "*") return undefined;
  if (role === "") return "Empty role name is invalid";
  if (role.startsWith("/")) return `Role '${role}' cannot start with a slash`;
  if (role.endsWith("/")) return `Role '${role}' cannot end with a slash`;
  if (role.includes("//")) return `Role '${role}' cannot contain two adjacent slashes`;
  for (const part of role.split("/")) {
    if (part === "." || part === "..") return `Role '${role}' cannot contain . or .. as a path segment`;
    if (part === "*") return `Role '${role}' cannot contain * as a path segment`;
    if (part.startsWith("-")) return `Role '${role}' cannot have a path segment that starts with '-'`;
    // eslint-disable-next-line no-control-regex
    if (/[\s\x08\x7f]/.test(part)) return `Role '${role}' cannot contain whitespace or backspace characters`;
  }
  return undefined;
}
