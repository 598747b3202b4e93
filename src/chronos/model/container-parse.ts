import { FieldError, bool, keyValues, list, num, object, text } from "./fields.js";
import type { JobContainer, JobNetwork, JobVolume } from "./job.js";

const NETWORKS = ["HOST", "BRIDGE", "USER"] as const;
const TYPES = ["DOCKER", "MESOS"] as const;

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new FieldError(`Can not read field '${field}': '${value}' is not one of ${allowed.join(", ")}`);
}

function volume(item: unknown): JobVolume {
  const v = object(item, "container.volumes");
  const mode =
    v.mode === undefined ? undefined : oneOf(text(v, "mode", "").toUpperCase(), ["RW", "RO"], "mode");
  const external = v.external === undefined ? undefined : object(v.external, "container.volumes.external");
  return {
    ...(v.hostPath !== undefined ? { hostPath: text(v, "hostPath", "") } : {}),
    containerPath: text(v, "containerPath", ""),
    ...(mode ? { mode } : {}),
    ...(external
      ? {
          external: {
            name: text(external, "name", ""),
            provider: text(external, "provider", ""),
            options: keyValues(external, "options"),
          },
        }
      : {}),
  };
}

function network(item: unknown): JobNetwork {
  const n = object(item, "container.networkInfos");
  const protocol =
    n.protocol == null ? undefined : oneOf(text(n, "protocol", ""), ["IPv4", "IPv6"], "protocol");
  return {
    name: text(n, "name", ""),
    ...(protocol ? { protocol } : {}),
    labels: keyValues(n, "labels"),
    portMappings: list(n, "portMappings").map((pm) => {
      const m = object(pm, "portMappings");
      return {
        hostPort: num(m, "hostPort", 0, true),
        containerPort: num(m, "containerPort", 0, true),
        ...(m.protocol != null ? { protocol: text(m, "protocol", "") } : {}),
      };
    }),
  };
}

/** The job's `container`; as in Chronos, one without an `image` counts as no container. */
export function parseContainer(value: unknown): JobContainer | undefined {
  if (value === undefined || value === null) return undefined;
  const c = object(value, "container");
  if (c.image === undefined) return undefined;
  return {
    type: oneOf(text(c, "type", "DOCKER").toUpperCase(), TYPES, "container.type"),
    image: text(c, "image", ""),
    network: oneOf(text(c, "network", "HOST").toUpperCase(), NETWORKS, "container.network"),
    ...(c.networkName != null ? { networkName: text(c, "networkName", "") } : {}),
    networkInfos: list(c, "networkInfos").map(network),
    volumes: list(c, "volumes").map(volume),
    forcePullImage: bool(c, "forcePullImage", false),
    parameters: keyValues(c, "parameters"),
  };
}
