/** What `--isolation` turns on. */
export interface IsolationChoice {
  cgroupsCpu: boolean;
  cgroupsMem: boolean;
}

/** Mesos's other isolators, accepted for compatibility and not applied (posix/* only measure usage). */
const ACCEPTED = new Set([
  "posix/cpu",
  "posix/mem",
  "posix/disk",
  "disk/du",
  "filesystem/posix",
  "filesystem/linux",
  "filesystem/shared",
  "docker/runtime",
  "docker/volume",
  "namespaces/pid",
  "cgroups/all",
  "cgroups/pids",
  "cgroups/devices",
  "cgroups/cpuset",
  "cgroups/blkio",
  "network/cni",
  "namespaces/ipc",
  "cgroups/hugetlb",
  "cgroups/net_cls",
  "cgroups/net_prio",
  "cgroups/perf_event",
  "disk/xfs",
  "xfs/disk",
  "gpu/nvidia",
  "linux/capabilities",
  "linux/devices",
  "linux/nnp",
  "linux/seccomp",
  "network/port_mapping",
  "network/ports",
  "appc/runtime",
  "environment_secret",
  "volume/host_path",
  "volume/image",
  "volume/secret",
  "volume/csi",
  "volume/sandbox_path",
]);

/**
 * Parses Mesos's comma-separated `--isolation` (default posix/cpu,posix/mem). `cgroups/cpu` and
 * `cgroups/mem` apply a task's cpus and mem as cgroup limits; `cgroups/all` means both.
 */
export function parseIsolation(text: string | undefined): IsolationChoice {
  const names = (text ?? "posix/cpu,posix/mem")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names)
    if (!ACCEPTED.has(name) && name !== "cgroups/cpu" && name !== "cgroups/mem")
      throw new Error(`Unknown or unsupported isolator '${name}' in --isolation`);
  return {
    cgroupsCpu: names.includes("cgroups/cpu") || names.includes("cgroups/all"),
    cgroupsMem: names.includes("cgroups/mem") || names.includes("cgroups/all"),
  };
}
