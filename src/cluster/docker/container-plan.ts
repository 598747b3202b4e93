import { resolve } from "node:path";
import type { ClusterPlan } from "../plan.js";
import { reachableHost } from "../plan.js";
import type { RoleLaunch } from "../runtime/runtime.js";

/** Where a role keeps its work directory inside its container. */
export const containerWorkDir = (roleName: string): string => `/var/lib/minimesos/${roleName}`;

/** The master's address as the other containers reach it: its network alias and its port. */
const masterOnNetwork = (plan: ClusterPlan): string => `${plan.master.name}:${new URL(plan.master.url).port}`;

function hostReachableUrl(url: string, bindAddress: string): string {
  const parsed = new URL(url);
  parsed.hostname = reachableHost(bindAddress);
  return parsed.origin;
}

/** Where the engine publishes DOCKER tasks' port mappings (the host's loopback) and the address reported. */
export const TASK_PUBLISH_IP = "127.0.0.1";

/** The containerizers an agent runs with here: `docker` first, so DOCKER tasks become sibling containers. */
function withDocker(containerizers: string | undefined): string {
  const names = (containerizers ?? "mesos").split(",").filter((n) => n !== "" && n !== "docker");
  return ["docker", ...names].join(",");
}

/**
 * An agent's flags: its work_dir is the host's `.minimesos/work/agent-N`, mounted at the same absolute path
 * (the host's engine bind-mounts sandboxes into task containers by that path); task ports are published on
 * the host's loopback.
 */
function adaptAgentFlags(flags: Record<string, string>, name: string): void {
  flags.work_dir = resolve(flags.work_dir ?? containerWorkDir(name));
  flags.containerizers = withDocker(flags.containerizers);
  flags.docker_publish_ip ??= TASK_PUBLISH_IP;
}

function adaptRole(launch: RoleLaunch, plan: ClusterPlan): RoleLaunch {
  const flags = { ...launch.flags };
  const advertisesDefault = (ipFlag: string) =>
    flags.hostname === undefined || flags.hostname === reachableHost(flags[ipFlag] ?? "");
  if (launch.role === "marathon") {
    if (advertisesDefault("http_address")) flags.hostname = launch.name;
    flags.http_address = "0.0.0.0";
    flags.storage = containerWorkDir(launch.name);
  } else {
    if (launch.role === "agent" && advertisesDefault("ip")) flags.hostname = launch.name;
    if (launch.role === "master" && flags.hostname === undefined) flags.hostname = launch.name;
    flags.ip = "0.0.0.0";
    if (launch.role === "agent") adaptAgentFlags(flags, launch.name);
    else flags.work_dir = containerWorkDir(launch.name);
  }
  if (launch.role !== "master") flags.master = masterOnNetwork(plan);
  return { ...launch, flags, url: hostReachableUrl(launch.url, plan.bindAddress) };
}

/**
 * The plan as the Docker runtime runs it: every role binds 0.0.0.0 in its container (its port published on
 * the same host port), advertises its network alias, and finds the master by the master's alias; the URLs
 * stay the host-reachable 127.0.0.1:<port> ones.
 */
export function dockerPlan(plan: ClusterPlan): ClusterPlan {
  return {
    bindAddress: plan.bindAddress,
    master: adaptRole(plan.master, plan),
    agents: plan.agents.map((agent) => adaptRole(agent, plan)),
    ...(plan.marathon ? { marathon: adaptRole(plan.marathon, plan) } : {}),
  };
}
