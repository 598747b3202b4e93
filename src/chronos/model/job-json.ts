import type { Job } from "./job.js";

/** Chronos writes these as Java doubles: `128.0`, not `128`. */
const DOUBLES = new Set(["cpus", "disk", "mem"]);
const MARK = "\u0000double:";

/** The job as Chronos's JobSerializer writes it: every scalar field, then `parents` or `schedule`. */
export function jobView(job: Job): Record<string, unknown> {
  const fetch = job.fetch.length > 0 ? job.fetch : job.uris.map((uri) => fetchOf(uri));
  const uris = job.fetch.length > 0 ? job.fetch.map((f) => f.uri) : job.uris;
  return {
    name: job.name,
    command: job.command,
    shell: job.shell,
    epsilon: job.epsilon,
    executor: job.executor,
    executorFlags: job.executorFlags,
    taskInfoData: job.taskInfoData,
    retries: job.retries,
    owner: job.owner,
    ownerName: job.ownerName,
    description: job.description,
    async: job.async,
    successCount: job.successCount,
    errorCount: job.errorCount,
    lastSuccess: job.lastSuccess,
    lastError: job.lastError,
    cpus: job.cpus,
    disk: job.disk,
    mem: job.mem,
    disabled: job.disabled,
    softError: job.softError,
    dataProcessingJobType: job.dataProcessingJobType,
    errorsSinceLastSuccess: job.errorsSinceLastSuccess,
    fetch: fetch.map((f) => ({
      uri: f.uri,
      executable: f.executable,
      cache: f.cache,
      extract: f.extract,
      ...(f.output_file !== "" ? { output_file: f.output_file } : {}),
    })),
    uris,
    environmentVariables: job.environmentVariables,
    arguments: job.arguments,
    highPriority: job.highPriority,
    runAsUser: job.runAsUser,
    concurrent: job.concurrent,
    maxCompletionTime: job.maxCompletionTime,
    ...(job.container ? { container: containerView(job) } : {}),
    constraints: job.constraints,
    ...(job.parents
      ? { parents: job.parents }
      : { schedule: job.schedule ?? "", scheduleTimeZone: job.scheduleTimeZone ?? "" }),
  };
}

export const fetchOf = (uri: string) => ({
  uri,
  executable: false,
  cache: false,
  extract: true,
  output_file: "",
});

function containerView(job: Job): Record<string, unknown> | undefined {
  const c = job.container;
  if (!c) return undefined;
  return {
    type: c.type,
    image: c.image,
    network: c.network,
    ...(c.networkName !== undefined ? { networkName: c.networkName } : {}),
    networkInfos: c.networkInfos.map((n) => ({
      name: n.name,
      ...(n.protocol ? { protocol: n.protocol } : {}),
      labels: n.labels,
      // Chronos writes the port numbers of a network as strings.
      portMappings: n.portMappings.map((p) => ({
        hostPort: String(p.hostPort),
        containerPort: String(p.containerPort),
        ...(p.protocol !== undefined ? { protocol: p.protocol } : {}),
      })),
    })),
    volumes: c.volumes,
    forcePullImage: c.forcePullImage,
    parameters: c.parameters,
  };
}

/** JSON text of any value holding job views, with cpus/disk/mem written as doubles the way Jackson does. */
export function chronosJson(value: unknown): string {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    if (
      DOUBLES.has(key) &&
      typeof v === "number" &&
      Number.isInteger(v) &&
      "name" in this &&
      "command" in this
    )
      return `${MARK}${v}`;
    return v;
  });
  return text.replace(/"\\u0000double:(-?\d+)"/g, "$1.0");
}

/** A number as Java's Double.toString writes it (`128.0`, `0.1`). */
export const javaDouble = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n));
