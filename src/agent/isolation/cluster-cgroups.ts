import { join } from "node:path";
import { CLUSTER_CGROUP_PREFIX } from "./agent-cgroups.js";
import { childCgroups, destroyTree, procsInTree } from "./cgroup-fs.js";
import { allHierarchyRoots, CGROUP_MOUNT } from "./hierarchies.js";

/** `minimesos-<cluster id>` in every mounted hierarchy, where the cluster's agents put their tasks. */
export function clusterCgroupDirs(clusterId: string, mount = CGROUP_MOUNT): string[] {
  const name = `${CLUSTER_CGROUP_PREFIX}${clusterId}`;
  return allHierarchyRoots(mount)
    .filter((h) => childCgroups(h.root).includes(name))
    .map((h) => join(h.root, name));
}

/** The ids of every cluster that has cgroups on this machine (agents outside a cluster left out). */
export function clusterIdsWithCgroups(mount = CGROUP_MOUNT): string[] {
  const ids = new Set<string>();
  for (const h of allHierarchyRoots(mount))
    for (const name of childCgroups(h.root))
      if (name.startsWith(CLUSTER_CGROUP_PREFIX) && name !== `${CLUSTER_CGROUP_PREFIX}standalone`)
        ids.add(name.slice(CLUSTER_CGROUP_PREFIX.length));
  return [...ids];
}

/** Every process in the cluster's cgroups: its tasks and whatever they started. */
export function clusterCgroupProcesses(clusterId: string, mount = CGROUP_MOUNT): number[] {
  return [...new Set(clusterCgroupDirs(clusterId, mount).flatMap(procsInTree))];
}

/** Kills every process in the cluster's cgroups and removes them; resolves to how many processes it found. */
export async function destroyClusterCgroups(clusterId: string, mount = CGROUP_MOUNT): Promise<number> {
  const found = clusterCgroupProcesses(clusterId, mount).length;
  for (const dir of clusterCgroupDirs(clusterId, mount)) await destroyTree(dir);
  return found;
}
