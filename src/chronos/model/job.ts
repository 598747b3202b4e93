/** One `fetch` entry (the deprecated `uris` are plain strings). */
export interface FetchUri {
  uri: string;
  executable: boolean;
  cache: boolean;
  extract: boolean;
  output_file: string;
}

export interface KeyValue {
  key: string;
  value: string;
}

export interface JobVolume {
  hostPath?: string;
  containerPath: string;
  mode?: "RW" | "RO";
  external?: { name: string; provider: string; options: KeyValue[] };
}

export interface JobNetwork {
  name: string;
  protocol?: "IPv4" | "IPv6";
  labels: KeyValue[];
  portMappings: Array<{ hostPort: number; containerPort: number; protocol?: string }>;
}

export interface JobContainer {
  type: "DOCKER" | "MESOS";
  image: string;
  network: "HOST" | "BRIDGE" | "USER";
  networkName?: string;
  networkInfos: JobNetwork[];
  volumes: JobVolume[];
  forcePullImage: boolean;
  parameters: KeyValue[];
}

/** A Chronos job: every field Chronos keeps, with a schedule (scheduled job) or parents (dependent job). */
export interface Job {
  name: string;
  command: string;
  shell: boolean;
  /** 2.x: how late a slot may start and still run (ISO 8601 duration). */
  epsilon: string;
  executor: string;
  executorFlags: string;
  taskInfoData: string;
  retries: number;
  owner: string;
  ownerName: string;
  description: string;
  /** 2.x: the job reports its own completion through `PUT …/task/{id}`. */
  async: boolean;
  successCount: number;
  errorCount: number;
  lastSuccess: string;
  lastError: string;
  cpus: number;
  disk: number;
  mem: number;
  disabled: boolean;
  softError: boolean;
  dataProcessingJobType: boolean;
  errorsSinceLastSuccess: number;
  fetch: FetchUri[];
  uris: string[];
  environmentVariables: Array<{ name: string; value: string }>;
  arguments: string[];
  highPriority: boolean;
  runAsUser: string;
  concurrent: boolean;
  maxCompletionTime: number;
  container?: JobContainer;
  constraints: string[][];
  parents?: string[];
  schedule?: string;
  scheduleTimeZone?: string;
  /**
   * Not on the wire: a slot later than `epsilon` is skipped rather than run, as 2.x did. Set for jobs posted
   * through the 2.x paths (`/scheduler/*`) or with an explicit `epsilon`.
   */
  skipLateSlots?: boolean;
}

export const isDependent = (job: Job): job is Job & { parents: string[] } => job.parents !== undefined;

/** Job names Chronos accepts. */
export const JOB_NAME = /^[\w.-]+$/;
/** The pattern as Chronos prints it in its error message. */
export const JOB_NAME_PATTERN_TEXT = "([\\w\\.-]+)";
