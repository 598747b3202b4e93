export interface ZkServer {
  host: string;
  port: number;
}

/** A parsed `zk://[user:password@]host:port[,host:port…]/path`. */
export interface ZkUrl {
  servers: ZkServer[];
  /** `h1:2181,h2:2181`, as ZooKeeper clients take it. */
  connectionString: string;
  /** The znode under which masters contend, e.g. `/mesos` (no trailing slash). */
  path: string;
  /** Digest credentials (`user:password@`), sent with ZooKeeper's `digest` scheme. */
  credentials?: { user: string; password: string };
  /** The URL without its password, for messages and logs. */
  display: string;
}

export const DEFAULT_ZOOKEEPER_PORT = 2181;

export class ZkUrlError extends Error {
  override readonly name = "ZkUrlError";
}

const masked = (text: string): string => text.replace(/^(zk:\/\/[^:@/]*):[^@/]*@/i, "$1:***@");

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])$/;

function parseServer(text: string, fail: (reason: string) => never): ZkServer {
  if (text === "") fail("an empty host in the server list");
  const match = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(text);
  const host = match?.[1] ?? "";
  const portText = match?.[2];
  if (!HOST.test(host)) fail(`'${text}' is not host or host:port`);
  if (portText === undefined) return { host, port: DEFAULT_ZOOKEEPER_PORT };
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
    fail(`'${portText}' in '${text}' is not a port (1-65535)`);
  return { host, port };
}

function parsePath(text: string, fail: (reason: string) => never): string {
  if (text === "" || text === "/") fail("it names no znode path (as in zk://127.0.0.1:2181/mesos)");
  const path = text.endsWith("/") ? text.slice(0, -1) : text;
  const segments = path.slice(1).split("/");
  if (segments.some((s) => s === "" || s === "." || s === ".."))
    fail(`'${text}' is not a ZooKeeper path (empty, '.' or '..' segment)`);
  if (
    [...path].some((char) => char.trim() === "" || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
  )
    fail(`'${text}' contains spaces or control characters`);
  return path;
}

/**
 * Parses a Mesos ZooKeeper URL. Hosts without a port use 2181. Throws ZkUrlError naming what is wrong, e.g.
 * `Malformed ZooKeeper URL 'zk://h:99999/mesos': '99999' in 'h:99999' is not a port (1-65535)`.
 */
export function parseZkUrl(text: string): ZkUrl {
  const trimmed = text.trim();
  const fail = (reason: string): never => {
    throw new ZkUrlError(`Malformed ZooKeeper URL '${masked(trimmed)}': ${reason}`);
  };
  if (!/^zk:\/\//i.test(trimmed)) fail("expected zk://host:port[,host:port]/path");
  let rest = trimmed.slice("zk://".length);
  const slash = rest.indexOf("/");
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const at = authority.lastIndexOf("@");
  let credentials: ZkUrl["credentials"];
  if (at !== -1) {
    const userInfo = authority.slice(0, at);
    const colon = userInfo.indexOf(":");
    if (colon <= 0) fail("credentials must be user:password@");
    credentials = { user: userInfo.slice(0, colon), password: userInfo.slice(colon + 1) };
    rest = rest.slice(at + 1);
  }
  const serversText = at === -1 ? authority : authority.slice(at + 1);
  if (serversText === "") fail("no ZooKeeper server given");
  const servers = serversText.split(",").map((server) => parseServer(server, fail));
  const path = parsePath(slash === -1 ? "" : rest.slice(rest.indexOf("/")), fail);
  const connectionString = servers.map((s) => `${s.host}:${s.port}`).join(",");
  const display = `zk://${credentials ? `${credentials.user}:***@` : ""}${connectionString}${path}`;
  return { servers, connectionString, path, ...(credentials ? { credentials } : {}), display };
}

/** True for `zk://…` addresses (in any letter case). */
export const isZkUrl = (text: string): boolean => /^\s*zk:\/\//i.test(text);
