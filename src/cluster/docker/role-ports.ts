import type { RoleLaunch } from "../runtime/runtime.js";

/**
 * The ports a role's container publishes on the host's same ports: its URL's port, and Consul's or
 * Mesos-DNS's DNS port on TCP and UDP. registrator serves nothing (its URL is the Consul it writes to), so it publishes none.
 */
export function publishedPorts(launch: RoleLaunch): string[] {
  if (launch.role === "registrator") return [];
  const ports = [`${new URL(launch.url).port}/tcp`];
  const dns =
    launch.role === "consul"
      ? Number(launch.flags.dns_port)
      : launch.role === "dns"
        ? Number(launch.flags.port)
        : NaN;
  if (Number.isInteger(dns) && dns > 0) ports.push(`${dns}/tcp`, `${dns}/udp`);
  return ports;
}
