/** Defaults a cluster spec gets when it leaves a setting out (minimesos's values, sized for today's machines). */
export const DEFAULT_TIMEOUT_SECONDS = 60;
export const DEFAULT_LOGGING_LEVEL = "INFO";

export const DEFAULT_PORTS = {
  master: 5050,
  firstAgent: 5051,
  zookeeper: 2181,
  marathon: 8080,
  chronos: 4400,
  mesosdnsDns: 8053,
  mesosdnsHttp: 8123,
  consul: 8500,
  consulDns: 8600,
} as const;

/**
 * Per-agent resources for role `*`. Fixed numbers rather than the machine's, so a cluster looks the same on
 * every machine and in CI; nothing is isolated locally, so they only shape what gets offered.
 */
export const DEFAULT_AGENT_SCALARS = { cpus: 4, mem: 4096, disk: 10240 } as const;

/** Task ports: each agent gets its own slice of this range so tasks on different agents never collide. */
export const TASK_PORTS_FIRST = 31000;
export const TASK_PORTS_LAST = 65535;
export const TASK_PORTS_PER_AGENT = 1000;

export const DEFAULT_CONTAINERIZERS = ["mesos"] as const;
