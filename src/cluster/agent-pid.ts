import { advertisedIp } from "../agent/advertised-address.js";
import type { LaunchedRole } from "./runtime/runtime.js";

type Launched = Pick<LaunchedRole, "advertisedIp"> | undefined;

/**
 * The IP an agent started with these flags advertises: for one bound to 0.0.0.0 its container's IP (the
 * runtime knows it) or this machine's address, as the agent itself works it out.
 */
function agentIp(flags: Record<string, string>, launched: Launched): string {
  const ip = flags.ip ?? "127.0.0.1";
  const fromRuntime = flags.advertise_ip ? undefined : launched?.advertisedIp;
  return ip === "0.0.0.0" && fromRuntime ? fromRuntime : advertisedIp(ip, flags.advertise_ip);
}

/** The libprocess-style pid the master lists the agent under: `slave(1)@<advertised ip>:<port>`. */
export const agentPid = (flags: Record<string, string>, launched?: Launched): string =>
  `slave(1)@${agentIp(flags, launched)}:${flags.port}`;

/** The hostname the agent registers with: `--hostname`, else its advertised IP. */
export const agentHostname = (flags: Record<string, string>, launched?: Launched): string =>
  flags.hostname ?? agentIp(flags, launched);
