import { advertisedIp } from "../agent/advertised-address.js";
import type { LaunchedRole } from "./runtime/runtime.js";

/**
 * The libprocess-style pid the master lists for an agent started with these flags: its advertised IP, which
 * for an agent bound to 0.0.0.0 is its container's IP (the runtime knows it) or this machine's address.
 */
export function agentPid(
  flags: Record<string, string>,
  launched?: Pick<LaunchedRole, "advertisedIp">,
): string {
  const ip = flags.ip ?? "127.0.0.1";
  const fromRuntime = flags.advertise_ip ? undefined : launched?.advertisedIp;
  return `slave(1)@${ip === "0.0.0.0" && fromRuntime ? fromRuntime : advertisedIp(ip, flags.advertise_ip)}:${flags.port}`;
}
