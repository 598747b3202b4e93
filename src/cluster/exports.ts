import type { ClusterRecord } from "./state-dir.js";

/**
 * The `export MINIMESOS_<ROLE>=<url>; export MINIMESOS_<ROLE>_IP=<host>;` lines minimesos printed, so that
 * `eval $(minimesos info)` sets them. Each line ends in `;` because `$(...)` joins lines with spaces.
 * As before, MINIMESOS_AGENT appears only when the cluster has exactly one agent.
 */
export function exportLines(record: ClusterRecord): string[] {
  const byRole = new Map<string, string[]>();
  for (const role of record.roles) byRole.set(role.role, [...(byRole.get(role.role) ?? []), role.url]);
  const lines: string[] = [];
  for (const [role, urls] of byRole) {
    if (urls.length !== 1) continue;
    const url = urls[0] as string;
    const name = `MINIMESOS_${role.toUpperCase()}`;
    lines.push(`export ${name}=${url}; export ${name}_IP=${new URL(url).hostname};`);
  }
  return lines;
}
