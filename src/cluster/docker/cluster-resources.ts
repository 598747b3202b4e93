import { dockerEngine, isNotFound, type DockerEngine } from "./engine.js";
import { CLUSTER_LABEL, IMAGE_LABEL, labelFilter, networkName, type Labels } from "./labels.js";

/** Creates the cluster's own bridge network, labelled with the cluster id. */
export async function createClusterNetwork(
  engine: DockerEngine,
  clusterId: string,
  extraLabels: Labels,
  image: string,
): Promise<string> {
  const name = networkName(clusterId);
  await engine.createNetwork({
    Name: name,
    Driver: "bridge",
    CheckDuplicate: true,
    Labels: { ...extraLabels, [CLUSTER_LABEL]: clusterId, "minimesos.role": "network", [IMAGE_LABEL]: image },
  });
  return name;
}

const ignoreGone = (error: unknown) => {
  if (!isNotFound(error) && (error as { statusCode?: number }).statusCode !== 409) throw error;
};

export interface Removed {
  containers: number;
  networks: number;
  volumes: number;
}

/**
 * Removes every container (running or not, with its anonymous volumes), then every network and volume,
 * that carries all the given labels (a value, or any value when undefined). Idempotent.
 */
export async function removeLabelled(
  labels: Record<string, string | undefined>,
  engine: DockerEngine = dockerEngine(),
): Promise<Removed> {
  const filters = labelFilter(labels);
  const containers = await engine.listContainers({ all: true, filters });
  await Promise.all(
    containers.map((c) => engine.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreGone)),
  );
  const networks = await engine.listNetworks({ filters });
  await Promise.all(networks.map((n) => engine.getNetwork(n.Id).remove().catch(ignoreGone)));
  const { Volumes: volumes } = await engine.listVolumes({ filters });
  await Promise.all((volumes ?? []).map((v) => engine.getVolume(v.Name).remove().catch(ignoreGone)));
  return { containers: containers.length, networks: networks.length, volumes: (volumes ?? []).length };
}

/** Everything the cluster owns in the engine: its role containers, task containers, network and volumes. */
export const removeClusterResources = (clusterId: string, engine?: DockerEngine): Promise<Removed> =>
  removeLabelled({ [CLUSTER_LABEL]: clusterId }, engine);
