export interface MasterInfo {
  id: string;
  ip: number;
  port: number;
  pid: string;
  hostname: string;
  version: string;
  address: { hostname: string; ip: string; port: number };
  capabilities: Array<{ type: string }>;
  domain?: Record<string, unknown>;
}

/** IPv4 a.b.c.d as Mesos packs it into MasterInfo.ip: a + b·2^8 + c·2^16 + d·2^24. */
export function packIPv4(ip: string): number {
  const parts = ip.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return 0;
  const [a, b, c, d] = parts as [number, number, number, number];
  return a + b * 2 ** 8 + c * 2 ** 16 + d * 2 ** 24;
}
