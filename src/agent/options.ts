import type { Logger } from "../common/logger.js";

export type ContainerizerName = "mesos" | "simulated";

export interface AgentOptions {
  /** Where to listen; default 127.0.0.1. */
  ip?: string;
  /** Default 5051; 0 picks any free port. */
  port?: number;
  hostname?: string;
  /** `host:port` or `http://host:port`. */
  master: string;
  /** Default: a new directory under the OS temp dir. */
  workDir?: string;
  /** `--resources` text (or JSON); what is left out comes from the machine. */
  resources?: string;
  attributes?: string;
  /** `mesos` (default) or `simulated`; a list or comma-separated text. */
  containerizers?: string | readonly string[];
  defaultRole?: string;
  statusUpdateRetryIntervalMs?: number;
  executorRegistrationTimeoutMs?: number;
  executorShutdownGracePeriodMs?: number;
  executorReregistrationTimeoutMs?: number;
  /** Longest wait between (re-)registration attempts; default 1 s. */
  reconnectBackoffMaxMs?: number;
  logger?: Logger;
  /** Called after the agent stopped because the master told it to shut down. */
  onShutdown?: (message: string) => void;
  /** Every flag as text, for `/flags` and `/state`; filled from the options when absent. */
  flags?: Record<string, string>;
}

/** The master's base URL from `host:port` or `http://host:port`. */
export function masterBaseUrl(master: string): string {
  const text = master.trim();
  if (text.startsWith("zk://"))
    throw new Error(`--master=${text}: ZooKeeper is not supported by this agent yet; give host:port`);
  const withScheme = /^https?:\/\//.test(text) ? text : `http://${text}`;
  const url = new URL(withScheme);
  return `${url.protocol}//${url.host}`;
}

/** The containerizer to use, refusing the ones this agent cannot run (yet). */
export function chooseContainerizer(value: AgentOptions["containerizers"]): ContainerizerName {
  const names = (typeof value === "string" ? value.split(",") : (value ?? ["mesos"]))
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.includes("docker"))
    throw new Error("The docker containerizer is not supported yet; use --containerizers=mesos or simulated");
  const unknown = names.find((n) => n !== "mesos" && n !== "simulated");
  if (unknown) throw new Error(`Unknown containerizer '${unknown}'; use mesos or simulated`);
  return names.includes("simulated") && !names.includes("mesos") ? "simulated" : "mesos";
}
