import type { CommandInfo, CommandURI } from "../../mesos/command.js";
import type { Offer } from "../../mesos/offer.js";
import type { Resource } from "../../mesos/resource.js";
import type { ContainerInfo, TaskInfo } from "../../mesos/task.js";
import { javaDouble } from "../model/job-json.js";
import type { Job, JobContainer } from "../model/job.js";
import { parseTaskId } from "./task-id.js";

/** The environment Chronos gives a task; the job's own variables never override these. */
export function taskEnvironment(
  taskId: string,
  job: Job,
  host: string,
): Array<{ name: string; value: string }> {
  const parsed = parseTaskId(taskId);
  const env: Record<string, string> = {
    mesos_task_id: taskId,
    MESOS_TASK_ID: taskId,
    CHRONOS_JOB_OWNER: job.owner,
    CHRONOS_JOB_NAME: job.name,
    HOST: host,
    CHRONOS_RESOURCE_MEM: javaDouble(job.mem),
    CHRONOS_RESOURCE_CPU: javaDouble(job.cpus),
    CHRONOS_RESOURCE_DISK: javaDouble(job.disk),
    CHRONOS_JOB_RUN_TIME: String(parsed?.due ?? 0),
    CHRONOS_JOB_RUN_ATTEMPT: String(parsed?.attempt ?? 0),
  };
  for (const v of job.environmentVariables) if (!(v.name in env)) env[v.name] = v.value;
  return Object.entries(env).map(([name, value]) => ({ name, value }));
}

function urisOf(job: Job): CommandURI[] {
  const fetch = [
    ...job.fetch,
    ...job.uris.map((uri) => ({ uri, executable: false, cache: false, extract: true, output_file: "" })),
  ];
  return fetch.map((f) => ({
    value: f.uri,
    extract: f.extract,
    executable: f.executable,
    cache: f.cache,
    ...(f.output_file !== "" ? { output_file: f.output_file } : {}),
  }));
}

/**
 * The command: a URL command is fetched and run from the sandbox; otherwise `command` (with run-now
 * arguments appended, as Chronos appends them) through the shell, or as the executable with `arguments`.
 */
function commandOf(job: Job, taskId: string, env: CommandInfo["environment"]): CommandInfo {
  const user = job.runAsUser !== "" ? { user: job.runAsUser } : {};
  if (/^(?:http|ftp)/.test(job.command))
    return {
      uris: [{ value: job.command, executable: true }],
      value: `"./${job.command.slice(job.command.lastIndexOf("/") + 1)}"`,
      environment: env,
      ...user,
    };
  const args = parseTaskId(taskId)?.args ?? "";
  const runNowArgs = args !== "" && args !== job.arguments.join(" ") ? args : "";
  const uris = urisOf(job);
  const base = { environment: env, ...(uris.length > 0 ? { uris } : {}), ...user };
  if (job.shell) return { shell: true, value: args !== "" ? `${job.command} ${args}` : job.command, ...base };
  // shell: false sends `command` and the job's `arguments` as Chronos does (Docker appends them to the
  // entrypoint); run-now arguments follow, where Chronos would glue them onto the executable's name.
  const extra = runNowArgs === "" ? [] : runNowArgs.split(/\s+/).filter(Boolean);
  return { shell: false, value: job.command, arguments: [...job.arguments, ...extra], ...base };
}

const keyValues = (list: ReadonlyArray<{ key: string; value: string }>) =>
  list.map((p) => ({ key: p.key, value: p.value }));

/** The job's container as a Mesos ContainerInfo. */
export function containerInfoOf(c: JobContainer): ContainerInfo {
  const volumes = c.volumes.map((v) => ({
    container_path: v.containerPath,
    ...(v.hostPath !== undefined ? { host_path: v.hostPath } : {}),
    ...(v.mode ? { mode: v.mode } : {}),
    ...(v.external
      ? {
          source: {
            type: "DOCKER_VOLUME",
            docker_volume: {
              driver: v.external.provider,
              name: v.external.name,
              driver_options: { parameter: keyValues(v.external.options) },
            },
          },
        }
      : {}),
  }));
  const networkInfos = [
    ...(c.networkName !== undefined ? [{ name: c.networkName }] : []),
    ...c.networkInfos.map((n) => ({ name: n.name, labels: { labels: keyValues(n.labels) } })),
  ];
  const common = { volumes, ...(networkInfos.length > 0 ? { network_infos: networkInfos } : {}) };
  if (c.type === "DOCKER")
    return {
      type: "DOCKER",
      docker: {
        image: c.image,
        network: c.network,
        force_pull_image: c.forcePullImage,
        parameters: keyValues(c.parameters),
      },
      ...common,
    };
  return {
    type: "MESOS",
    mesos: { image: { type: "DOCKER", docker: { name: c.image }, cached: !c.forcePullImage } },
    ...common,
  };
}

/** The TaskInfo Chronos sends for one task of the job on this offer. */
export function buildTaskInfo(taskId: string, job: Job, offer: Offer, resources: Resource[]): TaskInfo {
  const environment = { variables: taskEnvironment(taskId, job, offer.hostname) };
  const base = {
    name: `ChronosTask:${job.name}`,
    task_id: { value: taskId },
    agent_id: offer.agent_id,
    resources,
    ...(job.maxCompletionTime > 0
      ? { max_completion_time: { nanoseconds: job.maxCompletionTime * 1e9 } }
      : {}),
  };
  if (job.executor !== "") {
    const data = job.taskInfoData !== "" ? job.taskInfoData : `${job.executorFlags}|${job.command}`;
    const uris = urisOf(job);
    return {
      ...base,
      executor: {
        executor_id: { value: job.name },
        command: {
          value: job.executor,
          environment,
          ...(uris.length > 0 ? { uris } : {}),
          ...(job.runAsUser !== "" ? { user: job.runAsUser } : {}),
        },
        ...(job.container ? { container: containerInfoOf(job.container) } : {}),
      },
      data: Buffer.from(data, "utf8").toString("base64"),
    };
  }
  return {
    ...base,
    command: commandOf(job, taskId, environment),
    ...(job.container ? { container: containerInfoOf(job.container) } : {}),
  };
}
