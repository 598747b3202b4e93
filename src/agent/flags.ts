import type { FlagSpecs } from "../common/flags.js";

/** The agent's flags, with Mesos's names and defaults (`minimesos run agent --help` lists them). */
export const agentFlags: FlagSpecs = {
  ip: { kind: "string", help: "IP address to listen on", default: "127.0.0.1" },
  port: { kind: "number", help: "Port to listen on (0 = any free port)", default: "5051" },
  hostname: {
    kind: "string",
    help: "Hostname the agent advertises (default: its advertised IP)",
  },
  advertise_ip: {
    kind: "string",
    help: "IP address advertised to reach this agent (default: --ip; with --ip=0.0.0.0 this machine's first non-loopback IPv4 address)",
  },
  master: {
    kind: "string",
    help: "The master to register with: host:port, http://host:port, or zk://host:port[,host:port]/path to follow the leader",
  },
  work_dir: { kind: "string", help: "Where sandboxes and checkpoints live (default: a new temp dir)" },
  resources: { kind: "string", help: "Total resources, e.g. 'cpus:4;mem:2048;ports:[31000-32000]'" },
  attributes: { kind: "string", help: "Attributes, e.g. 'rack:r1;level:10'" },
  containerizers: {
    kind: "string",
    help: "Comma-separated containerizers: mesos (host processes), docker (Docker Engine API) or simulated",
    default: "mesos",
  },
  docker_publish_ip: {
    kind: "string",
    help:
      "minimesos extension: host IP where the engine publishes DOCKER tasks' port mappings (USER networks, and " +
      "BRIDGE without --docker_bridge_network) and where HOST and BRIDGE tasks are reported (default: --ip)",
  },
  docker_bridge_network: {
    kind: "string",
    help:
      "minimesos extension: run BRIDGE DOCKER tasks on this Docker network instead of the default bridge and, " +
      "instead of publishing their port mappings, forward <--ip>:<host_port> (tcp and udp) from the agent's " +
      "own network namespace to <container IP>:<container_port>; tasks are then reported at the advertised IP",
  },
  docker_host_network: {
    kind: "string",
    help:
      "minimesos extension: Docker network mode of HOST DOCKER tasks (default host); container:<agent " +
      "container> makes a containerized agent's network namespace their host, reported at the advertised IP",
  },
  docker_container_labels: {
    kind: "string",
    help: "minimesos extension: extra labels on every DOCKER task container, 'key=value;key=value' or a JSON object",
  },
  default_role: { kind: "string", help: "Role for resources given without one", default: "*" },
  executor_registration_timeout: {
    kind: "duration",
    help: "How long an executor may take to subscribe",
    default: "1mins",
  },
  executor_shutdown_grace_period: {
    kind: "duration",
    help: "Grace period between SHUTDOWN and killing an executor",
    default: "5secs",
  },
  executor_reregistration_timeout: {
    kind: "duration",
    help: "Passed to executors as MESOS_SUBSCRIPTION_BACKOFF_MAX",
    default: "2secs",
  },
  status_update_retry_interval: {
    kind: "duration",
    help: "First retry interval of an unacknowledged status update (doubles up to 10mins)",
    default: "10secs",
  },
  credential: {
    kind: "string",
    help: "File (or file:// URL) with the principal and secret the agent authenticates to the master with",
  },
  registration_backoff_factor: {
    kind: "duration",
    help: "Longest wait between attempts to (re-)register with the master",
    default: "1secs",
  },
  http_command_executor: {
    kind: "boolean",
    help: "Accepted; the command executor is built in",
    default: "false",
  },
  isolation: {
    kind: "string",
    help:
      "Isolators: cgroups/cpu and cgroups/mem apply a task's cpus (CPU shares) and mem (memory limit, " +
      "TASK_FAILED with REASON_CONTAINER_LIMITATION_MEMORY past it); posix/cpu and posix/mem only measure. " +
      "Every mesos-containerizer task gets its own cgroup where the machine allows it",
    default: "posix/cpu,posix/mem",
  },
  cgroups_enable_cfs: {
    kind: "boolean",
    help: "With cgroups/cpu, also cap a task's CPU time at its cpus (CFS quota)",
    default: "false",
  },
  recovery_timeout: {
    kind: "duration",
    help: "How long tasks outlive an agent that is gone: after it, whatever the agent left running is killed",
    default: "15mins",
  },
  launcher_dir: { kind: "string", help: "Accepted for compatibility" },
  log_dir: { kind: "string", help: "Accepted for compatibility" },
  logging_level: { kind: "string", help: "Accepted for compatibility", default: "INFO" },
  switch_user: {
    kind: "boolean",
    help: "Run each task as its user (CommandInfo.user, else FrameworkInfo.user); needs root",
    default: "true",
  },
  systemd_enable_support: { kind: "boolean", help: "Accepted for compatibility", default: "false" },
};
