import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FrameworkInfo } from "../../mesos/framework.js";
import type { ID } from "../../mesos/ids.js";
import type { ExecutorInfo, TaskInfo, TaskStatus } from "../../mesos/task.js";
import type { ExecutorKind } from "../book.js";

/**
 * What the agent writes to disk for each task so that a restarted agent (same work_dir) can re-adopt or
 * account for it, as Mesos checkpoints framework, executor and task info, the executor's pid and the
 * status updates not yet acknowledged.
 */
export interface TaskCheckpoint {
  framework: FrameworkInfo & { id: ID };
  executor: ExecutorInfo & { framework_id: ID };
  kind: ExecutorKind;
  containerId: string;
  directory: string;
  task: TaskInfo;
  /** The latest status the agent recorded for the task. */
  latest: TaskStatus;
  /** The container's leader process (its process group id), once it runs. */
  pid?: number;
  /** `/proc/<pid>/stat` start time, so a reused pid is not mistaken for the task. */
  pidStartTicks?: number;
}

/** `<work_dir>/meta/slaves/<agentId>/frameworks/<frameworkId>/tasks/<taskId>.json` */
const tasksDir = (workDir: string, agentId: string, frameworkId: string): string =>
  join(workDir, "meta", "slaves", agentId, "frameworks", frameworkId, "tasks");

const madeDirs = new Set<string>();

export function writeTaskCheckpoint(workDir: string, agentId: string, checkpoint: TaskCheckpoint): void {
  const dir = tasksDir(workDir, agentId, checkpoint.framework.id.value);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const file = join(dir, `${checkpoint.task.task_id.value}.json`);
  // Written aside and renamed, so a crash mid-write never leaves half a checkpoint.
  writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint));
  renameSync(`${file}.tmp`, file);
}

export function removeTaskCheckpoint(
  workDir: string,
  agentId: string,
  frameworkId: string,
  taskId: string,
): void {
  rmSync(join(tasksDir(workDir, agentId, frameworkId), `${taskId}.json`), { force: true });
}

/** Every task checkpoint of this agent id; unreadable files are skipped (Mesos's non-strict recovery). */
export function readTaskCheckpoints(workDir: string, agentId: string): TaskCheckpoint[] {
  const frameworksDir = join(workDir, "meta", "slaves", agentId, "frameworks");
  const checkpoints: TaskCheckpoint[] = [];
  for (const frameworkId of listDir(frameworksDir))
    for (const file of listDir(tasksDir(workDir, agentId, frameworkId))) {
      if (!file.endsWith(".json")) continue;
      try {
        checkpoints.push(
          JSON.parse(
            readFileSync(join(tasksDir(workDir, agentId, frameworkId), file), "utf8"),
          ) as TaskCheckpoint,
        );
      } catch {
        // A corrupt checkpoint: the master reconciles the task as unknown to the agent.
      }
    }
  return checkpoints;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
