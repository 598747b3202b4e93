import { formatDuration } from "../common/duration.js";
import type { AgentOptions } from "./options.js";

/** The flags as `/flags` prints them, for an agent started from options rather than the command line. */
export function flagsFromOptions(
  options: AgentOptions,
  actual: { ip: string; port: number; workDir: string; hostname: string },
): Record<string, string> {
  const containerizers = options.containerizers;
  return {
    ip: actual.ip,
    port: String(actual.port),
    hostname: actual.hostname,
    master: options.master,
    work_dir: actual.workDir,
    ...(options.resources ? { resources: options.resources } : {}),
    ...(options.attributes ? { attributes: options.attributes } : {}),
    containerizers:
      typeof containerizers === "string" ? containerizers : (containerizers ?? ["mesos"]).join(","),
    default_role: options.defaultRole ?? "*",
    executor_registration_timeout: formatDuration(options.executorRegistrationTimeoutMs ?? 60_000),
    executor_shutdown_grace_period: formatDuration(options.executorShutdownGracePeriodMs ?? 5000),
    executor_reregistration_timeout: formatDuration(options.executorReregistrationTimeoutMs ?? 2000),
    status_update_retry_interval: formatDuration(options.statusUpdateRetryIntervalMs ?? 10_000),
    registration_backoff_factor: formatDuration(options.reconnectBackoffMaxMs ?? 1000),
    http_command_executor: "false",
    isolation: options.isolation ?? "posix/cpu,posix/mem",
    switch_user: String(options.switchUser ?? false),
    recovery_timeout: formatDuration(options.recoveryTimeoutMs ?? 15 * 60_000),
    cgroups_enable_cfs: String(options.cgroupsEnableCfs ?? false),
  };
}
