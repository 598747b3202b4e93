import { isZkUrl, parseZkUrl } from "../mesos/zk/zk-url.js";
import type { Credential } from "../mesos/credentials.js";
import type { Logger } from "../common/logger.js";

export type ContainerizerName = "mesos" | "simulated";

/** The containerizers an agent runs: one for command and executor processes, plus Docker when listed. */
export interface ContainerizerChoice {
  base: ContainerizerName;
  docker: boolean;
}

export interface AgentOptions {
  /** Where to listen; default 127.0.0.1. */
  ip?: string;
  /** Default 5051; 0 picks any free port. */
  port?: number;
  /** Default: the advertised IP. */
  hostname?: string;
  /** The IP in the agent's pid; default `ip`, or this machine's first non-loopback IPv4 for 0.0.0.0. */
  advertiseIp?: string;
  /** `host:port` or `http://host:port`. */
  master: string;
  /** Default: a new directory under the OS temp dir. */
  workDir?: string;
  /** `--resources` text (or JSON); what is left out comes from the machine. */
  resources?: string;
  attributes?: string;
  /** `mesos` (default), `simulated` and/or `docker`; a list or comma-separated text. */
  containerizers?: string | readonly string[];
  /** Labels put on every Docker container the agent creates (tests mark theirs with `minimesos.test`). */
  dockerLabels?: Record<string, string>;
  /** Host IP that DOCKER tasks' port mappings are published on and reported at; default `ip`. */
  dockerPublishIp?: string;
  /**
   * A Docker network for BRIDGE tasks: their port mappings are then forwarded from `ip` inside the agent's
   * network namespace to the container, and HOST and BRIDGE tasks are reported at the advertised IP.
   */
  dockerBridgeNetwork?: string;
  /** Network mode of HOST Docker tasks; default `host` (`container:<agent container>` in the Docker runtime). */
  dockerHostNetwork?: string;
  defaultRole?: string;
  statusUpdateRetryIntervalMs?: number;
  executorRegistrationTimeoutMs?: number;
  executorShutdownGracePeriodMs?: number;
  executorReregistrationTimeoutMs?: number;
  /** Longest wait between (re-)registration attempts; default 1 s. */
  reconnectBackoffMaxMs?: number;
  /** Presented to the master on every call of the agent link (Mesos's `--credential`). */
  credential?: Credential;
  logger?: Logger;
  /**
   * Mesos's `--isolation`: `cgroups/cpu` and `cgroups/mem` apply a task's cpus and mem as cgroup limits
   * (`posix/cpu,posix/mem`, the default, only contain). Default: the `isolation` flag, else posix.
   */
  isolation?: string;
  /** Run each task as its user (Mesos's `--switch_user`). Default: the flag (true), else false from code. */
  switchUser?: boolean;
  /** How long tasks outlive an agent that is gone for good (Mesos's `--recovery_timeout`, 15 min). */
  recoveryTimeoutMs?: number;
  /** Also cap CPU time at the task's cpus (Mesos's `--cgroups_enable_cfs`). */
  cgroupsEnableCfs?: boolean;
  /** Names the agent's parent cgroup `minimesos-<clusterId>`; default $MINIMESOS_CLUSTER_ID. */
  clusterId?: string;
  /** Called after the agent stopped because the master told it to shut down. */
  onShutdown?: (message: string) => void;
  /** Every flag as text, for `/flags` and `/state`; filled from the options when absent. */
  flags?: Record<string, string>;
}

/**
 * The master's base URL from `host:port` or `http://host:port`; a `zk://host:port[,…]/path` URL is checked
 * (a malformed one throws, naming the problem) and kept as it is: the master link follows the leader there.
 */
export function masterBaseUrl(master: string): string {
  const text = master.trim();
  if (isZkUrl(text)) {
    parseZkUrl(text);
    return text;
  }
  const withScheme = /^https?:\/\//.test(text) ? text : `http://${text}`;
  const url = new URL(withScheme);
  return `${url.protocol}//${url.host}`;
}

/**
 * The containerizers to use. `docker` adds the Docker containerizer for DOCKER tasks; everything else
 * runs in the `mesos` (or `simulated`) one, which is also used when only `docker` is listed.
 */
export function chooseContainerizer(value: AgentOptions["containerizers"]): ContainerizerChoice {
  const names = (typeof value === "string" ? value.split(",") : (value ?? ["mesos"]))
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.find((n) => n !== "mesos" && n !== "simulated" && n !== "docker");
  if (unknown) throw new Error(`Unknown containerizer '${unknown}'; use mesos, docker or simulated`);
  const base = names.includes("simulated") && !names.includes("mesos") ? "simulated" : "mesos";
  return { base, docker: names.includes("docker") };
}
