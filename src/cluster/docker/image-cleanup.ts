import type Docker from "dockerode";
import { isNotFound, type DockerEngine } from "./engine.js";
import { IMAGE_REPOSITORY } from "./image-tag.js";
import { IMAGE_LABEL } from "./labels.js";

type ImageSummary = Pick<Docker.ImageInfo, "Id" | "RepoTags" | "Created">;
type ContainerSummary = Pick<Docker.ContainerInfo, "Image" | "ImageID">;
type NetworkSummary = Pick<Docker.NetworkInspectInfo, "Labels">;

const ownTag = (tag: string): boolean => tag.startsWith(`${IMAGE_REPOSITORY}:`);

/**
 * An image younger than this may belong to another build's `up` that is about to create its containers
 * (two checkouts on one engine), so it is left for a later build to remove.
 */
export const STALE_IMAGE_MIN_AGE_MS = 10 * 60_000;

/**
 * The tags of `minimesos/minimesos` to remove once `keep` was built: every other tag of the repository,
 * except those of the image `keep` names, of any image a container (running or not) was created from or a
 * cluster's network names (a cluster starting its containers), and of images created less than `minAgeMs`
 * before `now`.
 */
export function staleRoleImageTags(
  images: readonly ImageSummary[],
  containers: readonly ContainerSummary[],
  keep: string,
  {
    now = Date.now(),
    minAgeMs = STALE_IMAGE_MIN_AGE_MS,
    networks = [],
  }: { now?: number; minAgeMs?: number; networks?: readonly NetworkSummary[] } = {},
): string[] {
  const kept = new Set(images.filter((i) => i.RepoTags?.includes(keep)).map((i) => i.Id));
  const named = networks.flatMap((n) => n.Labels?.[IMAGE_LABEL] ?? []);
  const used = new Set([...containers.flatMap((c) => [c.ImageID, c.Image]), ...named]);
  for (const image of images) if (image.RepoTags?.some((tag) => used.has(tag))) used.add(image.Id);
  const old = (image: ImageSummary) => now - image.Created * 1000 >= minAgeMs;
  return images
    .filter((image) => !kept.has(image.Id) && !used.has(image.Id) && old(image))
    .flatMap((image) =>
      (image.RepoTags ?? []).filter((tag) => ownTag(tag) && tag !== keep && !used.has(tag)),
    );
}

/**
 * Removes the role images older builds left (135 MB each), never one a container uses: the engine refuses
 * (409) to remove an image a container created meanwhile uses, and that is left alone too. Returns the
 * tags removed.
 */
export async function removeStaleRoleImages(
  engine: DockerEngine,
  keep: string,
  minAgeMs = STALE_IMAGE_MIN_AGE_MS,
): Promise<string[]> {
  const [images, containers, networks] = await Promise.all([
    engine.listImages({ filters: JSON.stringify({ reference: [IMAGE_REPOSITORY] }) }),
    engine.listContainers({ all: true }),
    engine.listNetworks({ filters: JSON.stringify({ label: [IMAGE_LABEL] }) }),
  ]);
  const removed: string[] = [];
  for (const tag of staleRoleImageTags(images, containers, keep, { minAgeMs, networks })) {
    try {
      await engine.getImage(tag).remove();
      removed.push(tag);
    } catch (error) {
      if (!isNotFound(error) && (error as { statusCode?: number }).statusCode !== 409) throw error;
    }
  }
  return removed;
}
