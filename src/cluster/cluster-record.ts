/** One role of a cluster as cluster.json records it. */
export interface RoleRecord {
  name: string;
  role: "master" | "agent" | "marathon" | "chronos" | "consul" | "registrator" | "dns";
  url: string;
  /** The hostname the role advertises (each agent its own on loopback). */
  hostname?: string;
  pid: number;
  /** The role's container (runtime "docker"). */
  containerId?: string;
  logPath?: string;
  workDir?: string;
  /** The flags the role was started with. */
  flags: Record<string, string>;
}

/** cluster.json: what `up` started, for `destroy`, `info`, `status` and the read commands. */
export interface ClusterRecord {
  clusterId: string;
  runtime: "process" | "inproc" | "docker";
  createdAt: string;
  bindAddress: string;
  roles: RoleRecord[];
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function field<T>(object: Fields, name: string, ok: (v: unknown) => v is T, where: string): T {
  const value = object[name];
  if (!ok(value)) throw new Error(`${where}${name}: unexpected value ${JSON.stringify(value)}`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isOptionalString = (v: unknown): v is string | undefined => v === undefined || isString(v);
const ROLE_KINDS: readonly unknown[] = [
  "master",
  "agent",
  "marathon",
  "chronos",
  "consul",
  "registrator",
  "dns",
];
const isRole = (v: unknown): v is RoleRecord["role"] => ROLE_KINDS.includes(v);
const isRuntime = (v: unknown): v is ClusterRecord["runtime"] =>
  v === "process" || v === "inproc" || v === "docker";
const isPid = (v: unknown): v is number => Number.isInteger(v);
const isFlags = (v: unknown): v is Record<string, string> | undefined =>
  v === undefined || (isObject(v) && Object.values(v).every(isString));

function roleRecord(value: unknown, where: string): RoleRecord {
  if (!isObject(value)) throw new Error(`${where}: expected an object`);
  const hostname = field(value, "hostname", isOptionalString, where);
  const logPath = field(value, "logPath", isOptionalString, where);
  const workDir = field(value, "workDir", isOptionalString, where);
  const containerId = field(value, "containerId", isOptionalString, where);
  return {
    name: field(value, "name", isString, where),
    role: field(value, "role", isRole, where),
    url: field(value, "url", isString, where),
    ...(hostname !== undefined ? { hostname } : {}),
    pid: field(value, "pid", isPid, where),
    ...(containerId !== undefined ? { containerId } : {}),
    ...(logPath !== undefined ? { logPath } : {}),
    ...(workDir !== undefined ? { workDir } : {}),
    flags: field(value, "flags", isFlags, where) ?? {},
  };
}

/**
 * Checks cluster.json's parsed JSON by hand: `destroy` reads it, and must not pay for loading a schema
 * library. Throws an Error naming the first field that is wrong.
 */
export function parseClusterRecord(value: unknown): ClusterRecord {
  if (!isObject(value)) throw new Error("expected an object");
  const roles = field(value, "roles", Array.isArray, "");
  return {
    clusterId: field(value, "clusterId", isString, ""),
    runtime: field(value, "runtime", isRuntime, ""),
    createdAt: field(value, "createdAt", isString, ""),
    bindAddress: field(value, "bindAddress", isString, ""),
    roles: roles.map((role, i) => roleRecord(role, `roles[${i}].`)),
  };
}
