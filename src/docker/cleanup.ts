import type Docker from "dockerode";
import { dockerClient, isNotFound } from "./client.js";
import { labelFilter } from "./labels.js";

/**
 * Force-removes every container (with its anonymous volumes), then every network and volume, carrying all
 * of the given labels. Returns how many containers went. Errors for things already gone are ignored.
 */
export async function removeLabelled(
  labels: Record<string, string>,
  docker: Docker = dockerClient(),
): Promise<number> {
  const filters = JSON.stringify(labelFilter(labels));
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(
    containers.map((c) => ignoreGone(docker.getContainer(c.Id).remove({ force: true, v: true }))),
  );
  const networks = await docker.listNetworks({ filters });
  await Promise.all(networks.map((n) => ignoreGone(docker.getNetwork(n.Id).remove())));
  const { Volumes: volumes } = await docker.listVolumes({ filters });
  await Promise.all((volumes ?? []).map((v) => ignoreGone(docker.getVolume(v.Name).remove())));
  return containers.length;
}

async function ignoreGone(removal: Promise<unknown>): Promise<void> {
  try {
    await removal;
  } catch (error) {
    // 409: removal already in progress.
    if (!isNotFound(error) && (error as { statusCode?: number }).statusCode !== 409) throw error;
  }
}
