/** A libprocess PID, `id@host:port` (`id@[::1]:port` for IPv6). */
export interface Pid {
  id: string;
  host: string;
  port: string;
}

export function parsePid(text: string | undefined): Pid | undefined {
  if (!text) return undefined;
  const at = text.indexOf("@");
  if (at <= 0) return undefined;
  const address = splitHostPort(text.slice(at + 1));
  return address && { id: text.slice(0, at), ...address };
}

/** `host:port` or `[v6]:port` → its parts; undefined when either is missing. */
export function splitHostPort(address: string): { host: string; port: string } | undefined {
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(address) ?? /^([^:[\]]+):(\d+)$/.exec(address);
  if (!match) return undefined;
  return { host: match[1] as string, port: match[2] as string };
}
