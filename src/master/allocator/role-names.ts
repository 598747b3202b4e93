/** `eng/backend` -> [`eng`]: every ancestor of a hierarchical role, outermost first. */
export function ancestorsOf(role: string): string[] {
  const parts = role.split("/");
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join("/"));
  return out;
}

export function parentOf(role: string): string | undefined {
  const cut = role.lastIndexOf("/");
  return cut < 0 ? undefined : role.slice(0, cut);
}

/**
 * Whether resources reserved for `reservedRole` may be offered to a framework under `role`: unreserved
 * resources go to anyone, reserved ones to that role and the roles nested below it.
 */
export function reservationServes(reservedRole: string, role: string): boolean {
  return reservedRole === "*" || reservedRole === role || role.startsWith(`${reservedRole}/`);
}
