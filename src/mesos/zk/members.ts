import type { MasterInfo } from "../master-info.js";

/** Mesos masters' znodes: `<path>/json.info_<10-digit sequence>` holding the JSON MasterInfo (since 0.24). */
export const MASTER_ZNODE_PREFIX = "json.info_";

/** The sequence number of a `json.info_` child, or undefined for any other child. */
export function memberSequence(child: string): number | undefined {
  if (!child.startsWith(MASTER_ZNODE_PREFIX)) return undefined;
  const digits = child.slice(MASTER_ZNODE_PREFIX.length);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** The `json.info_` children, lowest sequence (the leader) first. */
export function masterMembers(children: readonly string[]): string[] {
  return children
    .filter((child) => memberSequence(child) !== undefined)
    .sort((a, b) => (memberSequence(a) ?? 0) - (memberSequence(b) ?? 0));
}

/** The leading master as clients need it: where to connect, and who it is. */
export interface LeaderInfo {
  /** `ip:port` to connect to (address.ip, else the pid's address, else hostname). */
  address: string;
  id: string;
  hostname: string;
  ip: string;
  port: number;
  /** The znode it was read from, e.g. `json.info_0000000003`. */
  znode: string;
  info: MasterInfo;
}

const unpackIPv4 = (packed: number): string =>
  [0, 8, 16, 24].map((shift) => Math.floor(packed / 2 ** shift) % 256).join(".");

/** Reads a MasterInfo JSON znode; throws naming the znode when it is not a usable MasterInfo. */
export function leaderFromZnode(znode: string, data: Buffer | undefined): LeaderInfo {
  let info: MasterInfo;
  try {
    info = JSON.parse(data?.toString("utf8") ?? "") as MasterInfo;
  } catch {
    throw new Error(`ZooKeeper node ${znode} does not hold JSON MasterInfo`);
  }
  const pidAddress = /@([^:]+):(\d+)$/.exec(info?.pid ?? "");
  const port = info?.address?.port ?? info?.port ?? Number(pidAddress?.[2]);
  const ip =
    info?.address?.ip ?? pidAddress?.[1] ?? (typeof info?.ip === "number" ? unpackIPv4(info.ip) : undefined);
  const hostname = info?.address?.hostname ?? info?.hostname ?? ip;
  if (!Number.isInteger(port) || port <= 0 || !(ip ?? hostname))
    throw new Error(`ZooKeeper node ${znode} holds a MasterInfo without an address`);
  return {
    address: `${ip ?? hostname}:${port}`,
    id: info.id,
    hostname: hostname ?? "",
    ip: ip ?? "",
    port,
    znode,
    info,
  };
}
