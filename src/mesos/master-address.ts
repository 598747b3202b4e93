import http from "node:http";
import https from "node:https";
import { MesosHttpError } from "./client-errors.js";
import { readBody } from "./http-transport.js";
import { LeaderDetector } from "./zk/leader-detector.js";
import type { LeaderInfo } from "./zk/members.js";
import { isZkUrl } from "./zk/zk-url.js";

/** `host:port`, `http://host:port` or `https://host:port/...` → the origin URL (`http://host:port`). */
export function masterOrigin(address: string): URL {
  const trimmed = address.trim();
  if (isZkUrl(trimmed))
    throw new Error(`A ZooKeeper master address names no fixed master; find the leader first: '${address}'`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  const url = new URL(withScheme);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`Unsupported master address '${address}'`);
  return new URL(url.origin);
}

/**
 * Where a 307 points. Mesos sends protocol-relative `Location: //host:port[/path]`, so the scheme comes from the
 * request that was redirected.
 */
export const resolveLocation = (location: string, requestUrl: URL): URL => new URL(location, requestUrl);

/** `http://ip:port` of a leader read from ZooKeeper. */
export const leaderOrigin = (leader: LeaderInfo): URL => new URL(`http://${leader.address}`);

/** Reads the leader from ZooKeeper once (`zk://host:port/path`). */
async function leaderInZooKeeper(address: string, timeoutMs: number): Promise<URL> {
  const detector = new LeaderDetector(address);
  try {
    return leaderOrigin(await detector.waitForLeader(timeoutMs));
  } finally {
    detector.close();
  }
}

/**
 * The leader's origin: read from ZooKeeper for `zk://…`, otherwise asked of any master through GET
 * `/master/redirect`.
 */
export function findLeadingMaster(address: string, timeoutMs = 5_000): Promise<URL> {
  if (isZkUrl(address)) return leaderInZooKeeper(address, timeoutMs);
  const url = new URL("/master/redirect", masterOrigin(address));
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https.get : http.get)(url, (response) => {
      readBody(response).then((body) => {
        const location = response.headers.location;
        if (response.statusCode === 307 && location) resolve(new URL(resolveLocation(location, url).origin));
        else reject(new MesosHttpError(response.statusCode ?? 0, body, url.href));
      }, reject);
    });
    request.setTimeout(timeoutMs, () =>
      request.destroy(new Error(`No answer from ${url.host} in ${timeoutMs} ms`)),
    );
    request.on("error", reject);
  });
}
