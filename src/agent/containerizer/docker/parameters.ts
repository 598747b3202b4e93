import type Docker from "dockerode";
import { DockerLaunchError, type DockerParameter } from "./docker-info.js";

type CreateOptions = Docker.ContainerCreateOptions;
type HostConfig = NonNullable<CreateOptions["HostConfig"]>;
type Apply = (value: string, options: CreateOptions, host: HostConfig) => void;

const push = (list: string[] | undefined, value: string): string[] => [...(list ?? []), value];
const flag = (value: string): boolean => value === "" || value === "true";

/**
 * `docker.parameters` that map onto Engine API fields. Mesos passes every parameter to the docker CLI as
 * `--key=value`; without a CLI only these can be honoured, and any other key fails the task clearly.
 */
const PARAMETERS: Record<string, Apply> = {
  env: (v, o) => (o.Env = push(o.Env, v)),
  label: (v, o) => {
    const [key, ...rest] = v.split("=");
    o.Labels = { ...o.Labels, [key ?? ""]: rest.join("=") };
  },
  network: (v, _o, h) => (h.NetworkMode = v),
  hostname: (v, o) => (o.Hostname = v),
  user: (v, o) => (o.User = v),
  workdir: (v, o) => (o.WorkingDir = v),
  "add-host": (v, _o, h) => (h.ExtraHosts = push(h.ExtraHosts, v)),
  dns: (v, _o, h) => (h.Dns = push(h.Dns, v)),
  "dns-search": (v, _o, h) => (h.DnsSearch = push(h.DnsSearch, v)),
  "cap-add": (v, _o, h) => (h.CapAdd = push(h.CapAdd, v)),
  "cap-drop": (v, _o, h) => (h.CapDrop = push(h.CapDrop, v)),
  volume: (v, _o, h) => (h.Binds = push(h.Binds, v)),
  "security-opt": (v, _o, h) => (h.SecurityOpt = push(h.SecurityOpt, v)),
  init: (v, _o, h) => (h.Init = flag(v)),
  "read-only": (v, _o, h) => (h.ReadonlyRootfs = flag(v)),
  pid: (v, _o, h) => (h.PidMode = v),
  ipc: (v, _o, h) => (h.IpcMode = v),
  "stop-signal": (v, o) => (o.StopSignal = v),
  tmpfs: (v, _o, h) => {
    const [path, ...opts] = v.split(":");
    h.Tmpfs = { ...h.Tmpfs, [path ?? ""]: opts.join(":") };
  },
  sysctl: (v, _o, h) => {
    const [key, ...rest] = v.split("=");
    h.Sysctls = { ...h.Sysctls, [key ?? ""]: rest.join("=") };
  },
  "shm-size": (v, _o, h) => (h.ShmSize = byteSize(v)),
  ulimit: (v, _o, h) => {
    const [name, limits = ""] = v.split("=");
    const [soft, hard] = limits.split(":").map(Number);
    if (!name || soft === undefined || Number.isNaN(soft)) throw new DockerLaunchError(`Bad ulimit '${v}'`);
    h.Ulimits = [...(h.Ulimits ?? []), { Name: name, Soft: soft, Hard: hard ?? soft }];
  },
  "log-driver": (v, _o, h) => (h.LogConfig = { Type: v, Config: h.LogConfig?.Config ?? {} }),
  "log-opt": (v, _o, h) => {
    const [key, ...rest] = v.split("=");
    h.LogConfig = {
      Type: h.LogConfig?.Type ?? "json-file",
      Config: { ...h.LogConfig?.Config, [key ?? ""]: rest.join("=") },
    };
  },
};

const ALIASES: Record<string, string> = {
  e: "env",
  l: "label",
  net: "network",
  h: "hostname",
  u: "user",
  w: "workdir",
  v: "volume",
};

export const SUPPORTED_PARAMETERS = Object.keys(PARAMETERS);

/** Applies the parameters in order; throws DockerLaunchError for one that cannot be honoured. */
export function applyParameters(parameters: readonly DockerParameter[], options: CreateOptions): void {
  const host = (options.HostConfig ??= {});
  for (const { key, value } of parameters) {
    const name = key.replace(/^-+/, "");
    const apply = PARAMETERS[ALIASES[name] ?? name];
    if (!apply)
      throw new DockerLaunchError(
        `Unsupported docker parameter '${key}': this agent runs containers through the Engine API and ` +
          `supports only ${SUPPORTED_PARAMETERS.join(", ")}`,
      );
    apply(value ?? "", options, host);
  }
}

function byteSize(text: string): number {
  const match = /^(\d+)([bkmg]?)b?$/i.exec(text.trim());
  if (!match) throw new DockerLaunchError(`Bad size '${text}'`);
  const unit = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]?.toLowerCase() ?? ""] ?? 1;
  return Number(match[1]) * unit;
}
