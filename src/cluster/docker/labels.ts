/** The labels that mark what a cluster owns in the Docker engine: `destroy` and `prune` find it by them. */
import { LABELS } from "../../docker/labels.js";

export const CLUSTER_LABEL = LABELS.cluster;
export const ROLE_LABEL = "minimesos.role";
/** On a cluster's network: the role image the cluster runs, which removing older images must spare. */
export const IMAGE_LABEL = "minimesos.image";

export type Labels = Record<string, string>;

export const clusterLabels = (clusterId: string, role: string, extra: Labels = {}): Labels => ({
  ...extra,
  [CLUSTER_LABEL]: clusterId,
  [ROLE_LABEL]: role,
});

/** The engine's `filters` argument selecting everything carrying all the given labels (value or any). */
export function labelFilter(labels: Record<string, string | undefined>): string {
  const label = Object.entries(labels).map(([name, value]) =>
    value === undefined ? name : `${name}=${value}`,
  );
  return JSON.stringify({ label });
}

/** Names in the engine for a cluster's network and containers. */
export const networkName = (clusterId: string): string => `minimesos-${clusterId}`;
export const containerName = (clusterId: string, roleName: string): string =>
  `minimesos-${clusterId}-${roleName}`;
