import type { AgentBook, ExecutorRecord, ExecutorRuntime } from "../book.js";
import type { FilesRegistry } from "../endpoints/files-registry.js";
import { virtualLatestRun } from "../sandbox.js";
import type { TaskCheckpoint } from "./task-checkpoint.js";

/**
 * Puts a checkpointed task that still runs back into the agent's book as a running executor, with the
 * runtime that watches it, and serves its sandbox again. Resolves to that runtime.
 */
export function adoptIntoBook<R extends ExecutorRuntime>(
  checkpoint: TaskCheckpoint,
  book: AgentBook,
  files: FilesRegistry,
  kind: ExecutorRecord["kind"],
  makeRuntime: (executor: ExecutorRecord) => R,
): R {
  const framework = book.ensureFramework(checkpoint.framework);
  const executor: ExecutorRecord = {
    info: checkpoint.executor,
    kind,
    framework,
    containerId: checkpoint.containerId,
    directory: checkpoint.directory,
    state: "RUNNING",
    tasks: new Map(),
    queued: new Map(),
    completed: [],
    runtime: undefined,
  };
  executor.tasks.set(checkpoint.task.task_id.value, {
    info: checkpoint.task,
    frameworkId: checkpoint.framework.id,
    state: checkpoint.latest.state,
    statuses: [checkpoint.latest],
  });
  const runtime = makeRuntime(executor);
  executor.runtime = runtime;
  framework.executors.set(checkpoint.executor.executor_id.value, executor);
  try {
    files.attachRun(
      executor,
      virtualLatestRun(framework.info.id.value, checkpoint.executor.executor_id.value),
    );
  } catch {
    // The sandbox was removed while the agent was down; the task still runs.
  }
  return runtime;
}
