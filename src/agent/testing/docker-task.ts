import { isPortFree } from "../../common/ports.js";
import type { TaskInfo } from "../../mesos/task.js";
import { commandTask } from "./fake-master.js";

/** A command task run in a Docker container of `image` (host network unless `docker` says otherwise). */
export const dockerTask = (
  id: string,
  image: string,
  command: string,
  docker: Record<string, unknown> = {},
  extra: Partial<TaskInfo> = {},
): TaskInfo =>
  commandTask(id, command, {
    container: { type: "DOCKER", docker: { image, ...docker } },
    ...extra,
  });

/** The `ports` resource for one host port. */
export const portResource = (port: number) => ({
  name: "ports",
  type: "RANGES" as const,
  ranges: { range: [{ begin: port, end: port }] },
});

/** A free port in the fixture agent's range [31000-32000]. */
export async function freeAgentPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 31000 + Math.floor(Math.random() * 1000);
    if (await isPortFree(port)) return port;
  }
  throw new Error("no free port in 31000-32000");
}

/** The task's sandbox as the agent's /files API names it. */
export const virtualSandbox = (frameworkId: string, taskId: string): string =>
  `/frameworks/${frameworkId}/executors/${taskId}/runs/latest`;
