import { removeLabelled, type Removed } from "./cluster-resources.js";
import { dockerEngine, type DockerEngine } from "./engine.js";
import { CLUSTER_LABEL, labelFilter, ROLE_LABEL } from "./labels.js";

export interface PruneOptions {
  /** Every minimesos cluster, running or not. */
  all?: boolean;
  /** Only what also carries these labels (tests scope a prune to their own run). */
  labels?: Record<string, string>;
  /** A cluster with anything younger than this may still be starting (`up` creates its network first). */
  minAgeMs?: number;
  engine?: DockerEngine;
}

export interface PruneResult extends Removed {
  clusters: string[];
}

/**
 * Removes the containers, networks and volumes of every minimesos cluster whose master container no longer
 * runs (a crashed CLI or test process left them) and that is not still starting, or of every cluster with
 * `all`. Idempotent.
 */
export async function pruneClusters({
  all = false,
  labels = {},
  minAgeMs = 60_000,
  engine = dockerEngine(),
}: PruneOptions = {}): Promise<PruneResult> {
  const filters = labelFilter({ ...labels, [CLUSTER_LABEL]: undefined });
  const [containers, networks, volumes] = await Promise.all([
    engine.listContainers({ all: true, filters }),
    engine.listNetworks({ filters }),
    engine.listVolumes({ filters }).then((v) => v.Volumes ?? []),
  ]);
  const owners = [...containers, ...networks, ...volumes].map((r) => r.Labels?.[CLUSTER_LABEL]);
  const created = [
    ...containers.map((c) => ({ id: c.Labels[CLUSTER_LABEL], at: c.Created * 1000 })),
    ...networks.map((n) => ({ id: n.Labels?.[CLUSTER_LABEL], at: Date.parse(n.Created) })),
    ...volumes.map((v) => ({
      id: v.Labels?.[CLUSTER_LABEL],
      at: Date.parse((v as { CreatedAt?: string }).CreatedAt ?? ""),
    })),
  ];
  const young = new Set(created.filter((r) => Date.now() - r.at < minAgeMs).map((r) => r.id));
  const live = new Set(
    containers
      .filter((c) => c.State === "running" && c.Labels[ROLE_LABEL] === "master")
      .map((c) => c.Labels[CLUSTER_LABEL]),
  );
  const clusters = [...new Set(owners)].filter(
    (id): id is string => id !== undefined && (all || (!live.has(id) && !young.has(id))),
  );
  const total: PruneResult = { clusters, containers: 0, networks: 0, volumes: 0 };
  for (const id of clusters) {
    const removed = await removeLabelled({ ...labels, [CLUSTER_LABEL]: id }, engine);
    total.containers += removed.containers;
    total.networks += removed.networks;
    total.volumes += removed.volumes;
  }
  return total;
}
