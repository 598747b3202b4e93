import type { ContainerDefinition, Network, PortMapping } from "./app-definition.js";
import type { AppInput } from "./app-input.js";

/** The 1.5+ `networks` from either form (1.3's `container.docker.network`, `ipAddress`). */
export function networksOf(input: AppInput): Network[] {
  if (input.networks && input.networks.length > 0)
    return input.networks.map((n) => ({
      mode: (n.mode ?? "container") as Network["mode"],
      ...(n.name !== undefined ? { name: n.name } : {}),
    }));
  const legacy = input.container?.docker?.network?.toUpperCase();
  if (legacy === "BRIDGE") return [{ mode: "container/bridge" }];
  if (legacy === "USER" || input.ipAddress)
    return [
      { mode: "container", ...(input.ipAddress?.networkName ? { name: input.ipAddress.networkName } : {}) },
    ];
  return [{ mode: "host" }];
}

function portMappingsOf(raw: NonNullable<AppInput["container"]>, bridge: boolean): PortMapping[] | undefined {
  const given = raw.portMappings ?? raw.docker?.portMappings ?? undefined;
  const list = given ?? (bridge ? [{ containerPort: 0, hostPort: 0, servicePort: 0, name: "default" }] : []);
  return list.map((m) => ({
    containerPort: m.containerPort ?? 0,
    ...(m.hostPort !== undefined ? { hostPort: m.hostPort } : bridge ? { hostPort: 0 } : {}),
    servicePort: m.servicePort ?? 0,
    protocol: m.protocol ?? "tcp",
    ...(m.name !== undefined ? { name: m.name } : {}),
    ...(m.labels !== undefined ? { labels: m.labels } : {}),
    ...(m.networkNames !== undefined ? { networkNames: m.networkNames } : {}),
  }));
}

/** The container with its portMappings in the 1.5+ place (1.3 kept them under `docker`). */
export function containerOf(input: AppInput, networks: Network[]): ContainerDefinition | undefined {
  const raw = input.container;
  if (!raw) return undefined;
  const hostMode = networks.every((n) => n.mode === "host");
  const { docker, portMappings: _pm, volumes, type, ...rest } = raw;
  void _pm;
  const dockerOut = docker
    ? (() => {
        const { network: _n, portMappings: _dpm, ...d } = docker;
        void _n;
        void _dpm;
        return { privileged: false, forcePullImage: false, parameters: [], ...d };
      })()
    : undefined;
  const mappings = hostMode
    ? undefined
    : portMappingsOf(
        raw,
        networks.some((n) => n.mode === "container/bridge"),
      );
  return {
    ...rest,
    type: (type ?? "DOCKER").toUpperCase() === "MESOS" ? "MESOS" : "DOCKER",
    ...(dockerOut ? { docker: dockerOut } : {}),
    ...(mappings ? { portMappings: mappings } : {}),
    volumes: (volumes ?? []) as Array<Record<string, unknown>>,
  };
}
