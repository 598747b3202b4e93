import type { FlagSpecs, FlagValue } from "../common/flags.js";
import type { RegistratorOptions } from "./registrator.js";

/** registrator's options (`-internal`, `-tags`, `-resync`, `-cleanup`, the registry URI), plus the master to follow. */
export const REGISTRATOR_FLAGS: FlagSpecs = {
  master: {
    kind: "string",
    help: "The Mesos master(s): host:port or http://host:port, comma separated (required)",
  },
  registry: {
    kind: "string",
    help: "The registry URI, as registrator's argument: consul://host:port",
    default: "consul://127.0.0.1:8500",
  },
  hostname: {
    kind: "string",
    help: "The host name that starts every service id (default: this host's name)",
  },
  internal: {
    kind: "boolean",
    help: "Register each task's own IP and exposed (container) port instead of the agent's IP and host port",
    default: "false",
  },
  tags: { kind: "string", help: "Tags added to every service, comma separated" },
  resync: {
    kind: "number",
    help: "Re-register every service this often, in seconds (0 = never)",
    default: "0",
  },
  cleanup: {
    kind: "boolean",
    help: "Remove services with this host name's id prefix that no running task has, at each (re)subscription",
    default: "true",
  },
};

/** Each flag also reads from `REGISTRATOR_<FLAG>`. */
export const REGISTRATOR_ENV_PREFIX = "REGISTRATOR_";

const str = (v: FlagValue): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

export function registratorOptionsFromFlags(values: Record<string, FlagValue>): RegistratorOptions {
  const master = str(values.master);
  if (!master) throw new Error("Missing required flag --master (host:port of the Mesos master)");
  const hostname = str(values.hostname);
  const tags = str(values.tags);
  return {
    master: master
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean),
    registry: str(values.registry) ?? "consul://127.0.0.1:8500",
    internal: values.internal === true,
    cleanup: values.cleanup !== false,
    resyncMs: typeof values.resync === "number" ? values.resync * 1000 : 0,
    ...(hostname ? { hostname } : {}),
    ...(tags
      ? {
          tags: tags
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
        }
      : {}),
  };
}
