import { parseFlags, type FlagSpecs, type FlagValue, type ParsedFlags } from "../common/flags.js";
import type { MarathonOptions } from "./marathon.js";

/** Marathon's command-line flags, with Marathon's names. */
export const MARATHON_FLAGS: FlagSpecs = {
  master: { kind: "string", help: "The Mesos master: host:port or http://host:port (required)" },
  http_address: { kind: "string", help: "Address to listen on", default: "127.0.0.1" },
  http_port: { kind: "number", help: "Port of the REST API (0 = any free port)", default: "8080" },
  hostname: { kind: "string", help: "Hostname Marathon advertises (default: the http address)" },
  framework_name: { kind: "string", help: "Framework name registered with Mesos", default: "marathon" },
  mesos_role: { kind: "string", help: "Mesos role of the framework", default: "*" },
  mesos_user: { kind: "string", help: "User tasks run as (default: the current user)" },
  local_port_min: { kind: "number", help: "Lowest service port Marathon assigns", default: "10000" },
  local_port_max: { kind: "number", help: "Highest service port Marathon assigns", default: "20000" },
  storage: {
    kind: "string",
    help: "Directory that keeps apps, deployments and tasks across restarts (default: memory)",
  },
};

/** Marathon reads each flag also from `MARATHON_<FLAG>` (e.g. MARATHON_MASTER, MARATHON_HTTP_PORT). */
export const MARATHON_ENV_PREFIX = "MARATHON_";

/** Defaults, then MARATHON_* variables, then the command line, as Marathon loads its flags. */
export const parseMarathonFlags = (argv: readonly string[], env: NodeJS.ProcessEnv): ParsedFlags =>
  parseFlags(MARATHON_FLAGS, argv, env, MARATHON_ENV_PREFIX);

const str = (v: FlagValue): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: FlagValue): number | undefined => (typeof v === "number" ? v : undefined);

/** startMarathon options from parsed flags. */
export function marathonOptionsFromFlags(values: Record<string, FlagValue>): MarathonOptions {
  const master = str(values.master);
  if (!master) throw new Error("Missing required flag --master (host:port of the Mesos master)");
  return {
    master,
    httpAddress: str(values.http_address),
    httpPort: num(values.http_port),
    hostname: str(values.hostname),
    frameworkName: str(values.framework_name),
    mesosRole: str(values.mesos_role),
    mesosUser: str(values.mesos_user),
    localPortMin: num(values.local_port_min),
    localPortMax: num(values.local_port_max),
    storage: str(values.storage),
  };
}
