import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";

const ANY = "0.0.0.0";

/** The first IPv4 address of a non-loopback interface; 127.0.0.1 when the machine has none. */
export function primaryIpv4(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string {
  for (const addresses of Object.values(interfaces))
    for (const address of addresses ?? [])
      if (address.family === "IPv4" && !address.internal) return address.address;
  return "127.0.0.1";
}

/**
 * The IP in an agent's pid (`slave(1)@<ip>:<port>`) and, without `--hostname`, its advertised hostname:
 * `--advertise_ip` when given; for an agent bound to every interface (0.0.0.0) the machine's own address,
 * as libprocess picks it (in a container of the Docker runtime: the container's IP on the cluster
 * network); otherwise the address it binds.
 */
export function advertisedIp(
  ip: string,
  advertiseIp?: string,
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>,
): string {
  if (advertiseIp) return advertiseIp;
  return ip === ANY ? primaryIpv4(interfaces) : ip;
}
