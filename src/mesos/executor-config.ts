import { parseDuration } from "../common/duration.js";
import type { IdLike } from "./scheduler-calls.js";

export interface ExecutorClientOptions {
  /** The agent's `ip:port` (MESOS_AGENT_ENDPOINT), or a URL. */
  agentEndpoint: string;
  frameworkId: IdLike;
  executorId: IdLike;
  /** Whether the framework checkpoints: only then does the executor re-subscribe after a disconnection. */
  checkpoint: boolean;
  /** How long to keep re-subscribing after a disconnection (MESOS_RECOVERY_TIMEOUT, default 15 min). */
  recoveryTimeoutMs: number;
  /** Upper bound of the delay between re-subscription attempts (MESOS_SUBSCRIPTION_BACKOFF_MAX, default 2 s). */
  subscriptionBackoffMaxMs: number;
  /** Timeout for each call and for the wait for SUBSCRIBED (default 10 s). */
  requestTimeoutMs: number;
}

const DEFAULT_RECOVERY_TIMEOUT_MS = 15 * 60_000;
const DEFAULT_BACKOFF_MAX_MS = 2_000;

/** `slave(1)@10.0.0.5:5051` → `10.0.0.5:5051`. */
const endpointFromPid = (pid: string | undefined): string | undefined => pid?.split("@")[1];

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === "")
    throw new Error(`Expecting '${name}' to be set in the environment`);
  return value;
}

/**
 * The executor's settings: each explicit option wins, the rest comes from the environment the agent sets
 * (MESOS_AGENT_ENDPOINT or MESOS_SLAVE_PID, MESOS_FRAMEWORK_ID, MESOS_EXECUTOR_ID, MESOS_CHECKPOINT,
 * MESOS_RECOVERY_TIMEOUT, MESOS_SUBSCRIPTION_BACKOFF_MAX).
 */
export function resolveExecutorOptions(
  options: Partial<ExecutorClientOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ExecutorClientOptions {
  const duration = (name: string, fallback: number): number => {
    const text = env[name];
    return text ? parseDuration(text) : fallback;
  };
  return {
    agentEndpoint:
      options.agentEndpoint ??
      required("MESOS_AGENT_ENDPOINT", env.MESOS_AGENT_ENDPOINT || endpointFromPid(env.MESOS_SLAVE_PID)),
    frameworkId: options.frameworkId ?? required("MESOS_FRAMEWORK_ID", env.MESOS_FRAMEWORK_ID),
    executorId: options.executorId ?? required("MESOS_EXECUTOR_ID", env.MESOS_EXECUTOR_ID),
    checkpoint: options.checkpoint ?? env.MESOS_CHECKPOINT === "1",
    recoveryTimeoutMs:
      options.recoveryTimeoutMs ?? duration("MESOS_RECOVERY_TIMEOUT", DEFAULT_RECOVERY_TIMEOUT_MS),
    subscriptionBackoffMaxMs:
      options.subscriptionBackoffMaxMs ?? duration("MESOS_SUBSCRIPTION_BACKOFF_MAX", DEFAULT_BACKOFF_MAX_MS),
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
  };
}

/** `ip:port` or `http://ip:port` → the executor API URL on that agent. */
export function executorApiUrl(agentEndpoint: string): URL {
  const base = /^https?:\/\//i.test(agentEndpoint) ? agentEndpoint : `http://${agentEndpoint}`;
  return new URL("/api/v1/executor", base);
}
