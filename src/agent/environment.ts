import { formatDuration } from "../common/duration.js";
import type { CommandInfo } from "../mesos/command.js";
import type { FrameworkInfo } from "../mesos/framework.js";

export interface ExecutorEnvironmentContext {
  agentId: string;
  ip: string;
  port: number;
  framework: FrameworkInfo;
  executorId: string;
  /** Host path of the sandbox; for host processes it is also MESOS_SANDBOX. */
  directory: string;
  shutdownGracePeriodMs: number;
  reregistrationTimeoutMs: number;
  /** The agent's --recovery_timeout; default 15 min. */
  recoveryTimeoutMs?: number;
  /** Built-in executors also get MESOS_ALLOCATION_ROLE. */
  allocationRole?: string;
}

/** RECOVERY_TIMEOUT of the Mesos agent: how long checkpointing executors keep trying to resubscribe. */
const RECOVERY_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * The environment the Mesos agent gives an executor (and, through the command executor, a command task):
 * the agent's own environment plus the MESOS_* variables of executorEnvironment().
 */
export function executorEnvironment(ctx: ExecutorEnvironmentContext): Record<string, string> {
  const env: Record<string, string> = { ...agentEnvironment() };
  const checkpoint = ctx.framework.checkpoint === true;
  Object.assign(env, {
    MESOS_FRAMEWORK_ID: ctx.framework.id?.value ?? "",
    MESOS_EXECUTOR_ID: ctx.executorId,
    MESOS_DIRECTORY: ctx.directory,
    MESOS_SANDBOX: ctx.directory,
    MESOS_SLAVE_ID: ctx.agentId,
    MESOS_SLAVE_PID: `slave(1)@${ctx.ip}:${ctx.port}`,
    MESOS_AGENT_ENDPOINT: `${ctx.ip}:${ctx.port}`,
    MESOS_CHECKPOINT: checkpoint ? "1" : "0",
    MESOS_HTTP_COMMAND_EXECUTOR: "0",
    MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD: formatDuration(ctx.shutdownGracePeriodMs),
    LIBPROCESS_IP: ctx.ip,
    LIBPROCESS_PORT: "0",
  });
  if (checkpoint) {
    env.MESOS_RECOVERY_TIMEOUT = formatDuration(ctx.recoveryTimeoutMs ?? RECOVERY_TIMEOUT_MS);
    env.MESOS_SUBSCRIPTION_BACKOFF_MAX = formatDuration(ctx.reregistrationTimeoutMs);
  }
  if (ctx.allocationRole !== undefined) env.MESOS_ALLOCATION_ROLE = ctx.allocationRole;
  return env;
}

let inherited: Record<string, string> | undefined;

/** The agent's own environment, read once: reading process.env is slow enough to show at 1000 tasks. */
function agentEnvironment(): Record<string, string> {
  if (!inherited) {
    inherited = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) inherited[name] = value;
  }
  return inherited;
}

/** Adds `command.environment` on top (secrets are not supported and are left out). */
export function withCommandEnvironment(
  env: Record<string, string>,
  command: CommandInfo | undefined,
): Record<string, string> {
  const out = { ...env };
  for (const variable of command?.environment?.variables ?? [])
    if (variable.type !== "SECRET") out[variable.name] = variable.value ?? "";
  return out;
}
