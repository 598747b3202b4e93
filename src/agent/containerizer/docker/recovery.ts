import type { Logger } from "../../../common/logger.js";
import { LABELS } from "../../../docker/labels.js";
import { isTerminalState } from "../../../mesos/task-state.js";
import type { AgentBook } from "../../book.js";
import type { FilesRegistry } from "../../endpoints/files-registry.js";
import type { ExecutorHost } from "../../executors/executor-host.js";
import { adoptIntoBook } from "../../recovery/adopt-into-book.js";
import type { TaskCheckpoint } from "../../recovery/task-checkpoint.js";
import type { DockerContainerizer } from "./docker-containerizer.js";
import { isDockerTask } from "./docker-info.js";
import { DockerExecutor } from "./docker-executor.js";

export interface DockerRecoveryDeps {
  docker: DockerContainerizer;
  host: ExecutorHost;
  book: AgentBook;
  files: FilesRegistry;
  logger: Logger;
}

/**
 * Docker's part of agent recovery, before the agent re-registers: a checkpointing framework's DOCKER task
 * whose container still exists (running, or exited while the agent was down) is adopted and reports its
 * real end; every other container labelled with this agent's work_dir is an orphan and is removed.
 * Returns the checkpoints left for the generic recovery (terminal ones, and the tasks not adopted, which
 * it reports as lost or failed).
 */
export async function recoverDockerTasks(
  checkpoints: TaskCheckpoint[],
  deps: DockerRecoveryDeps,
): Promise<TaskCheckpoint[]> {
  let owned: Awaited<ReturnType<DockerContainerizer["owned"]>>;
  try {
    owned = await deps.docker.owned();
  } catch (error) {
    deps.logger.warn({ err: error }, "Docker engine unreachable: Docker tasks cannot be recovered");
    return checkpoints;
  }
  const existing = new Set(owned.map((c) => c.Labels[LABELS.containerId]).filter(Boolean));
  const adopted = new Set<string>();
  const rest: TaskCheckpoint[] = [];
  for (const checkpoint of checkpoints) {
    const adoptable =
      isDockerTask(checkpoint.task.container) &&
      !isTerminalState(checkpoint.latest.state) &&
      checkpoint.framework.checkpoint === true &&
      existing.has(checkpoint.containerId);
    if (!adoptable) {
      rest.push(checkpoint);
      continue;
    }
    adopt(checkpoint, deps);
    adopted.add(checkpoint.containerId);
  }
  const orphans = owned.filter((c) => !adopted.has(c.Labels[LABELS.containerId] ?? ""));
  await Promise.all(
    orphans.map(async (c) => {
      deps.logger.info({ container: c.Names[0] }, "removing an orphaned Docker container");
      await deps.docker.docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined);
    }),
  );
  return rest;
}

function adopt(checkpoint: TaskCheckpoint, deps: DockerRecoveryDeps): void {
  const runtime = adoptIntoBook(
    checkpoint,
    deps.book,
    deps.files,
    checkpoint.kind,
    (executor) => new DockerExecutor(deps.host, executor, deps.docker),
  );
  runtime.adopt(checkpoint.task, deps.docker.adopt(checkpoint.containerId));
}
