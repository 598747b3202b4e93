/**
 * What the CLI's clusters give every agent unless the minimesosFile's agent `flags` say otherwise:
 * cgroup limits for a task's cpus and mem (as minimesos's Mesos agents ran, with
 * `MESOS_ISOLATION=...,cgroups/cpu,cgroups/mem`; an agent degrades with a logged notice where cgroups
 * are not usable), and a short `--recovery_timeout`: nothing restarts a CLI cluster's dead agent, so its
 * tasks should not run on for Mesos's 15 minutes.
 */
export const CLUSTER_AGENT_CONTAINMENT: Readonly<Record<string, string>> = {
  isolation: "cgroups/cpu,cgroups/mem",
  recovery_timeout: "30secs",
};
