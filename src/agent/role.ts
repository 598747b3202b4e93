import { formatDuration } from "../common/duration.js";
import type { FlagValue } from "../common/flags.js";
import type { RoleDefinition } from "../common/role.js";
import { startAgent } from "./agent.js";
import { parseLabelsFlag } from "./containerizer/docker/labels-flag.js";
import { agentFlags } from "./flags.js";
import type { AgentOptions } from "./options.js";
import { readCredential } from "../mesos/credentials.js";

/** AgentOptions from parsed flags (durations arrive in milliseconds). */
export function agentOptionsFromFlags(flags: Record<string, FlagValue>): AgentOptions {
  const text = (name: string) => (flags[name] === undefined ? undefined : String(flags[name]));
  const ms = (name: string) => (typeof flags[name] === "number" ? flags[name] : undefined);
  const master = text("master");
  if (!master) throw new Error("Missing required flag --master (host:port of the master)");
  const labels = text("docker_container_labels");
  const asStrings: Record<string, string> = {};
  for (const [name, value] of Object.entries(flags))
    if (value !== undefined)
      asStrings[name] =
        agentFlags[name]?.kind === "duration" ? formatDuration(value as number) : String(value);
  return {
    master,
    ip: text("ip"),
    port: typeof flags.port === "number" ? flags.port : undefined,
    hostname: text("hostname"),
    advertiseIp: text("advertise_ip"),
    workDir: text("work_dir"),
    resources: text("resources"),
    attributes: text("attributes"),
    containerizers: text("containerizers"),
    dockerPublishIp: text("docker_publish_ip"),
    dockerBridgeNetwork: text("docker_bridge_network"),
    dockerHostNetwork: text("docker_host_network"),
    ...(labels !== undefined ? { dockerLabels: parseLabelsFlag(labels) } : {}),
    defaultRole: text("default_role"),
    executorRegistrationTimeoutMs: ms("executor_registration_timeout"),
    executorShutdownGracePeriodMs: ms("executor_shutdown_grace_period"),
    executorReregistrationTimeoutMs: ms("executor_reregistration_timeout"),
    statusUpdateRetryIntervalMs: ms("status_update_retry_interval"),
    reconnectBackoffMaxMs: ms("registration_backoff_factor"),
    ...(text("credential") !== undefined ? { credential: readCredential(text("credential")!) } : {}),
    flags: asStrings,
  };
}

/** `minimesos run agent`: a Mesos-compatible agent in this process. */
export const agentRole: RoleDefinition = {
  name: "agent",
  summary:
    "Mesos-compatible agent: runs tasks (mesos, docker or simulated containerizer), executor API v1, /state, /files",
  flags: agentFlags,
  start: async (flags, logger) => {
    const options = agentOptionsFromFlags(flags);
    const fatal: Array<(error: Error) => void> = [];
    const agent = await startAgent({
      ...options,
      logger,
      // An agent the master shuts down ends, like mesos-agent: `minimesos run` exits with status 1.
      onShutdown: (message) => {
        logger.error({ message }, "agent shut down by the master");
        for (const listener of fatal) listener(new Error(`shut down by the master: ${message}`));
      },
    });
    return {
      url: agent.url,
      stop: () => agent.stop(),
      onFatal: (listener) => void fatal.push(listener),
    };
  },
};
