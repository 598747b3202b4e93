import type { ClusterRecord } from "./state-dir.js";

/** One role that is alone of its kind in the cluster, with its `MINIMESOS_<ROLE>` variables. */
export interface RoleVariables {
  name: string;
  url: string;
  ip: string;
  port: string;
}

const mesosDnsUrl = (role: ClusterRecord["roles"][number]): string =>
  `http://${new URL(role.url).hostname}:${role.flags.port ?? new URL(role.url).port}`;

/**
 * `MINIMESOS_<ROLE>` for every role the cluster has exactly one of (as minimesos did, so MINIMESOS_AGENT
 * appears only with a single agent).
 */
export function roleVariables(record: ClusterRecord): RoleVariables[] {
  const byRole = new Map<string, string[]>();
  // registrator serves nothing (minimesos printed no line for it either).
  for (const role of record.roles) {
    if (role.role === "registrator") continue;
    // Mesos-DNS is exported as minimesos did, MINIMESOS_MESOSDNS=http://<ip>:<dns port>.
    const [kind, url] = role.role === "dns" ? ["mesosdns", mesosDnsUrl(role)] : [role.role, role.url];
    byRole.set(kind, [...(byRole.get(kind) ?? []), url]);
  }
  return [...byRole]
    .filter(([, urls]) => urls.length === 1)
    .map(([role, urls]) => {
      const url = new URL(urls[0] as string);
      return {
        name: `MINIMESOS_${role.toUpperCase()}`,
        url: urls[0] as string,
        ip: url.hostname,
        port: url.port,
      };
    });
}

/**
 * The `export MINIMESOS_<ROLE>=<url>; export MINIMESOS_<ROLE>_IP=<host>;` lines minimesos printed, so that
 * `eval $(minimesos info)` sets them. Each line ends in `;` because `$(...)` joins lines with spaces.
 */
export const exportLines = (record: ClusterRecord): string[] =>
  roleVariables(record).map((v) => `export ${v.name}=${v.url}; export ${v.name}_IP=${v.ip};`);

/**
 * The values of the `${MINIMESOS_*}` tokens minimesos replaced in Marathon JSON: each role's URL, `_IP` and
 * `_PORT`, `MINIMESOS_NETWORK_GATEWAY` (the address the roles are reached at) and `MINIMESOS_HOST_DIR` (the
 * directory the cluster runs from).
 */
export function tokenValues(record: ClusterRecord, hostDir: string): Record<string, string> {
  const values: Record<string, string> = { MINIMESOS_HOST_DIR: hostDir };
  for (const v of roleVariables(record)) {
    values[v.name] = v.url;
    values[`${v.name}_IP`] = v.ip;
    values[`${v.name}_PORT`] = v.port;
  }
  const master = roleVariables(record).find((v) => v.name === "MINIMESOS_MASTER");
  values.MINIMESOS_NETWORK_GATEWAY = master?.ip ?? "127.0.0.1";
  return values;
}

/** Replaces the known `${MINIMESOS_*}` tokens; anything else is left as written. */
export const substituteTokens = (text: string, values: Record<string, string>): string =>
  text.replace(/\$\{(MINIMESOS_[A-Z_]+)\}/g, (token, name: string) => values[name] ?? token);
