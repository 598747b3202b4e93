import { removeClusterResources, type Removed } from "./cluster-resources.js";
import { dockerEngine, engineAnswers, type DockerEngine } from "./engine.js";
import { CLUSTER_LABEL, labelFilter } from "./labels.js";

/**
 * Stops the cluster's running containers (agents end their tasks on SIGTERM, within `graceSeconds`), then
 * removes every container, network and volume carrying its label. With `onlyIfEngine`, a missing engine
 * means there is nothing to remove (a process cluster whose `up` crashed before writing cluster.json).
 */
export async function destroyDockerCluster(
  clusterId: string,
  {
    engine = dockerEngine(),
    graceSeconds = 3,
    onlyIfEngine = false,
  }: { engine?: DockerEngine; graceSeconds?: number; onlyIfEngine?: boolean } = {},
): Promise<Removed | undefined> {
  if (onlyIfEngine && !(await engineAnswers(engine, 1000))) return undefined;
  const running = await engine.listContainers({ filters: labelFilter({ [CLUSTER_LABEL]: clusterId }) });
  await Promise.all(
    running.map((c) =>
      engine
        .getContainer(c.Id)
        .stop({ t: graceSeconds })
        .catch(() => undefined),
    ),
  );
  return removeClusterResources(clusterId, engine);
}
