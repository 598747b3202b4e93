import type Docker from "dockerode";
import { dockerClient } from "../docker/client.js";
import { LABELS, labelFilter } from "../docker/labels.js";

/** What registrator reads of a DOCKER task's container, as it reads it from Docker. */
export interface InspectedContainer {
  /** The container's own IP (its first network's), what `-internal` registers. */
  ip?: string;
  env: Record<string, string>;
  labels: Record<string, string>;
}

/** The fields of `docker inspect` read here (the legacy top-level IPAddress is absent from dockerode's type). */
interface Inspect {
  Config?: { Env?: string[]; Labels?: Record<string, string> | null };
  NetworkSettings?: { IPAddress?: string; Networks?: Record<string, { IPAddress?: string }> };
}

/** The environment, labels and IP of an inspected container. */
export function fromInspect(inspect: Inspect): InspectedContainer {
  const networks = Object.values(inspect.NetworkSettings?.Networks ?? {});
  const ip = inspect.NetworkSettings?.IPAddress || networks.find((n) => n.IPAddress)?.IPAddress;
  const env: Record<string, string> = {};
  for (const entry of inspect.Config?.Env ?? []) {
    const eq = entry.indexOf("=");
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return { ...(ip ? { ip } : {}), env, labels: { ...(inspect.Config?.Labels ?? {}) } };
}

const TIMEOUT_MS = 2000;

/**
 * The container of a DOCKER task on this machine's engine, found by the task-id label the agent puts on
 * it; undefined when there is no engine or no such container (another machine's task).
 */
export async function inspectTaskContainer(
  taskId: string,
  docker: Docker = dockerClient(),
): Promise<InspectedContainer | undefined> {
  const work = (async () => {
    const [found] = await docker.listContainers({ filters: labelFilter({ [LABELS.taskId]: taskId }) });
    if (!found) return undefined;
    return fromInspect((await docker.getContainer(found.Id).inspect()) as Inspect);
  })();
  const timeout = new Promise<undefined>((resolve) =>
    setTimeout(() => resolve(undefined), TIMEOUT_MS).unref(),
  );
  return Promise.race([work.catch(() => undefined), timeout]);
}
