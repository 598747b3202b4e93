import type { AppDefinition } from "./app-definition.js";

export const APP_GROUP_CLASH = "Groups and Applications may not have the same identifier.";

/**
 * True when the apps after a change would put one app inside another (`/a` and `/a/b`): `/a` would then be
 * both an app and a group, which Marathon's root-group validation refuses.
 */
export function appsClashWithGroups(
  current: readonly AppDefinition[],
  targets: Record<string, AppDefinition | undefined>,
): boolean {
  const ids = new Set(current.map((app) => app.id));
  for (const [id, app] of Object.entries(targets)) {
    if (app) ids.add(id);
    else ids.delete(id);
  }
  const sorted = [...ids].sort();
  // In sorted order an app's nested ids follow it directly (`/a`, `/a-b`, `/a/b` sorts `/a/b` after `/a-b`),
  // so compare each id with every later one that still shares its prefix.
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j]!.startsWith(sorted[i]!); j++)
      if (sorted[j]!.startsWith(`${sorted[i]}/`)) return true;
  return false;
}
