import { DateTime } from "luxon";
import { formatDateTime, parsePeriod, parseSchedule } from "../schedule/iso8601.js";
import { parseContainer } from "./container-parse.js";
import { FieldError, bool, list, num, object, strings, text } from "./fields.js";
import { JOB_NAME, JOB_NAME_PATTERN_TEXT, type FetchUri, type Job } from "./job.js";

/** What a job gets when it leaves a field out (flags `--mesos_task_*`, `--user`, `--task_epsilon`). */
export interface JobDefaults {
  cpus: number;
  mem: number;
  disk: number;
  user: string;
  epsilonSeconds: number;
}

/** Which endpoint the job was posted to, and whether through the 2.x (`/scheduler`) or 3.x paths. */
export interface PostedTo {
  kind: "iso8601" | "dependency";
  v2: boolean;
}

export type JobProblem = { status: 400 | 500; message: string };
export type ParsedJob = { ok: true; job: Job } | ({ ok: false } & JobProblem);

/** The first line of the stack trace Chronos puts in `message` when a `require` fails. */
export const requirementFailed = (message: string): string =>
  `java.lang.IllegalArgumentException: requirement failed: ${message}`;

export const badSchedule = (schedule: string): string => `Cannot parse schedule '${schedule}' (wtf bro)`;

const EPOCH_FLOOR = DateTime.fromISO("1970-01-01T00:00:01.000Z");

function fetchEntry(item: unknown): FetchUri {
  const f = object(item, "fetch");
  return {
    uri: text(f, "uri", ""),
    executable: bool(f, "executable", false),
    cache: bool(f, "cache", false),
    extract: bool(f, "extract", true),
    output_file: text(f, "output_file", ""),
  };
}

function environment(o: Record<string, unknown>) {
  return list(o, "environmentVariables").map((item) => {
    const v = object(item, "environmentVariables");
    return { name: text(v, "name", ""), value: text(v, "value", "") };
  });
}

/** Only EQUALS, LIKE and UNLIKE exist in Chronos; other operators are dropped as it drops them. */
function constraints(o: Record<string, unknown>): string[][] {
  return list(o, "constraints")
    .map((c) => {
      if (!Array.isArray(c) || c.length < 3)
        throw new FieldError("Can not read field 'constraints': expected [attribute, operator, value]");
      return c.slice(0, 3).map((v) => String(v));
    })
    .filter((c) => ["EQUALS", "LIKE", "UNLIKE"].includes(c[1] ?? ""));
}

const positiveOr = (value: number, fallback: number): number => (value !== 0 ? value : fallback);

function readJob(o: Record<string, unknown>, posted: PostedTo, d: JobDefaults): Job {
  const epsilon = o.epsilon == null ? `PT${d.epsilonSeconds}S` : text(o, "epsilon", "");
  if (!parsePeriod(epsilon))
    throw new FieldError(`Can not read field 'epsilon': '${epsilon}' is not an ISO 8601 duration`);
  const container = parseContainer(o.container);
  return {
    name: text(o, "name", ""),
    command: text(o, "command", ""),
    shell: bool(o, "shell", true),
    epsilon,
    executor: text(o, "executor", ""),
    executorFlags: text(o, "executorFlags", ""),
    taskInfoData: text(o, "taskInfoData", ""),
    retries: num(o, "retries", 2, true),
    owner: text(o, "owner", ""),
    ownerName: text(o, "ownerName", ""),
    description: text(o, "description", ""),
    async: bool(o, "async", false),
    successCount: num(o, "successCount", 0, true),
    errorCount: num(o, "errorCount", 0, true),
    lastSuccess: text(o, "lastSuccess", ""),
    lastError: text(o, "lastError", ""),
    cpus: positiveOr(num(o, "cpus", 0), d.cpus),
    disk: positiveOr(num(o, "disk", 0), d.disk),
    mem: positiveOr(num(o, "mem", 0), d.mem),
    disabled: bool(o, "disabled", false),
    softError: bool(o, "softError", false),
    dataProcessingJobType: bool(o, "dataProcessingJobType", false),
    errorsSinceLastSuccess: num(o, "errorsSinceLastSuccess", 0, true),
    fetch: list(o, "fetch").map(fetchEntry),
    uris: strings(o, "uris"),
    environmentVariables: environment(o),
    arguments: strings(o, "arguments"),
    highPriority: bool(o, "highPriority", false),
    runAsUser: text(o, "runAsUser", d.user),
    concurrent: bool(o, "concurrent", false),
    maxCompletionTime: num(o, "maxCompletionTime", 0, true),
    ...(container ? { container } : {}),
    constraints: constraints(o),
    ...(posted.v2 || o.epsilon != null ? { skipLateSlots: true } : {}),
  };
}

const fail = (message: string, status: 400 | 500 = 400): ParsedJob => ({ ok: false, status, message });

/** Checks what Chronos checks on a schedule: that it parses (zone included) and does not start before 1970. */
export function scheduleProblem(schedule: string, zone: string): string | undefined {
  const parsed = parseSchedule(schedule, zone);
  if (parsed === "zone") return `${badSchedule(schedule)}: unknown scheduleTimeZone '${zone}'`;
  if (parsed === "syntax") return badSchedule(schedule);
  if (parsed.start < EPOCH_FLOOR)
    return `Scheduled start date '${formatDateTime(parsed.start)}' is before 1970!`;
  return undefined;
}

/**
 * A posted job, read as Chronos's JobDeserializer reads it (unknown fields ignored, numbers and booleans
 * as text accepted, 0 resources meaning the flags' defaults), then checked as its resources check it.
 * Parent existence and cycles need the job graph and are checked when the job is stored.
 */
export function parseJob(
  body: unknown,
  posted: PostedTo,
  defaults: JobDefaults,
  now = Date.now(),
): ParsedJob {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return fail("Can not deserialize the job: expected a JSON object");
  const o = body as Record<string, unknown>;
  let job: Job;
  try {
    job = readJob(o, posted, defaults);
  } catch (error) {
    if (error instanceof FieldError) return fail(error.message);
    throw error;
  }
  if (!JOB_NAME.test(job.name))
    return fail(requirementFailed(`the job's name is invalid. Allowed names: '${JOB_NAME_PATTERN_TEXT}'`));
  if (job.command.trim() === "" && job.executor === "")
    return fail(requirementFailed(`the job '${job.name}' has no 'command'`));
  const hasSchedule = o.schedule != null;
  const hasParents = o.parents != null;
  if (hasSchedule && hasParents)
    return fail(requirementFailed(`the job '${job.name}' has both 'schedule' and 'parents'; give one`));
  if (job.uris.length > 0 && job.fetch.length > 0)
    return fail(`Tried to add both uri (deprecated) and fetch parameters on ${job.name}`);
  try {
    if (posted.kind === "dependency") {
      if (hasSchedule)
        return fail(
          requirementFailed(
            `a dependent job has 'parents', not a 'schedule' (post '${job.name}' to iso8601)`,
          ),
        );
      return { ok: true, job: { ...job, parents: [...new Set(strings(o, "parents"))] } };
    }
    if (hasParents)
      return fail(
        requirementFailed(
          `a scheduled job has a 'schedule', not 'parents' (post '${job.name}' to dependency)`,
        ),
      );
    const zone = text(o, "scheduleTimeZone", "");
    // Without a schedule Chronos runs the job once, now.
    const schedule = hasSchedule
      ? text(o, "schedule", "")
      : `R1/${formatDateTime(DateTime.fromMillis(now, { zone: "utc" }))}/PT24H`;
    const problem = scheduleProblem(schedule, zone);
    if (problem) return fail(problem);
    return { ok: true, job: { ...job, schedule, scheduleTimeZone: zone } };
  } catch (error) {
    if (error instanceof FieldError) return fail(error.message);
    throw error;
  }
}
