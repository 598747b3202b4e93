import { userInfo } from "node:os";
import type { FlagSpecs, FlagValue } from "../common/flags.js";
import type { ChronosOptions } from "./chronos.js";

/** Chronos's command-line flags, with Chronos's names. */
export const CHRONOS_FLAGS: FlagSpecs = {
  master: {
    kind: "string",
    help: "The Mesos master: host:port, http://host:port, or several comma-separated (required)",
  },
  http_address: { kind: "string", help: "Address to listen on", default: "127.0.0.1" },
  http_port: { kind: "number", help: "Port of the REST API (0 = any free port)", default: "4400" },
  hostname: { kind: "string", help: "Hostname Chronos advertises (default: the http address)" },
  mesos_framework_name: { kind: "string", help: "Framework name registered with Mesos", default: "chronos" },
  mesos_role: { kind: "string", help: "Mesos role of the framework", default: "*" },
  user: { kind: "string", help: "User jobs run as when they name no runAsUser (default: the current user)" },
  mesos_task_cpu: { kind: "number", help: "CPUs of a job that asks for none", default: "0.1" },
  mesos_task_mem: { kind: "number", help: "Memory (MB) of a job that asks for none", default: "128" },
  mesos_task_disk: { kind: "number", help: "Disk (MB) of a job that asks for none", default: "256" },
  task_epsilon: {
    kind: "number",
    help: "Default epsilon of a job, in seconds (2.x late-slot window)",
    default: "60",
  },
  disable_after_failures: {
    kind: "number",
    help: "Disable a job after this many failures in a row (0 = never)",
    default: "0",
  },
  failure_retry: { kind: "number", help: "Milliseconds between a failure and its retry", default: "60000" },
  failover_timeout: { kind: "number", help: "Framework failover timeout in seconds", default: "604800" },
  mesos_checkpoint: { kind: "boolean", help: "Ask agents to checkpoint Chronos's tasks", default: "true" },
  mesos_authentication_principal: { kind: "string", help: "Principal the framework registers with" },
  webui_url: { kind: "string", help: "Web UI URL registered with Mesos (default: http://<hostname>:<port>)" },
  zk_hosts: { kind: "string", help: "Accepted for compatibility; state lives in memory or in --storage" },
  storage: {
    kind: "string",
    help: "Directory that keeps jobs, counters and schedules across restarts (default: memory)",
  },
};

/** Chronos reads each flag also from `CHRONOS_<FLAG>` (CHRONOS_MASTER, CHRONOS_HTTP_PORT, …), as its images do. */
export const CHRONOS_ENV_PREFIX = "CHRONOS_";

const str = (v: FlagValue): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: FlagValue): number | undefined => (typeof v === "number" ? v : undefined);

/** startChronos options from parsed flags. */
export function chronosOptionsFromFlags(values: Record<string, FlagValue>): ChronosOptions {
  const master = str(values.master);
  if (!master) throw new Error("Missing required flag --master (host:port of the Mesos master)");
  return {
    master,
    httpAddress: str(values.http_address),
    httpPort: num(values.http_port),
    hostname: str(values.hostname),
    frameworkName: str(values.mesos_framework_name),
    mesosRole: str(values.mesos_role),
    user: str(values.user) ?? userInfo().username,
    taskCpu: num(values.mesos_task_cpu),
    taskMem: num(values.mesos_task_mem),
    taskDisk: num(values.mesos_task_disk),
    taskEpsilonSeconds: num(values.task_epsilon),
    disableAfterFailures: num(values.disable_after_failures),
    failureRetryMs: num(values.failure_retry),
    failoverTimeoutSeconds: num(values.failover_timeout),
    checkpoint: values.mesos_checkpoint !== false,
    principal: str(values.mesos_authentication_principal),
    webuiUrl: str(values.webui_url),
    zkHosts: str(values.zk_hosts),
    storage: str(values.storage),
  };
}
