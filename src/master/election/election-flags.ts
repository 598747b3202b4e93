import { parseZkUrl, type ZkUrl } from "../../mesos/zk/zk-url.js";

export interface ElectionFlags {
  zk: ZkUrl;
  quorum: number;
}

/**
 * Checks `--zk` and `--quorum` as mesos-master does: with `--zk`, `--quorum` is required (the replicated
 * registry needs it) and must be a positive integer; a malformed URL is named. Returns undefined without
 * `--zk` (a standalone master leads by itself).
 */
export function parseElectionFlags(
  zk: string | undefined,
  quorum: string | number | undefined,
): ElectionFlags | undefined {
  if (zk === undefined || zk.trim() === "") return undefined;
  const url = parseZkUrl(zk);
  if (quorum === undefined || quorum === "")
    throw new Error("Need to specify --quorum for replicated log based registry when using ZooKeeper");
  const value = Number(quorum);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--quorum must be a positive integer, not '${String(quorum)}'`);
  return { zk: url, quorum: value };
}
