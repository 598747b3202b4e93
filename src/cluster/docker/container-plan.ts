import { resolve } from "node:path";
import type { ClusterPlan } from "../plan.js";
import { reachableHost } from "../plan.js";
import type { RoleLaunch } from "../runtime/runtime.js";
import { formatLabelsFlag } from "../../agent/containerizer/docker/labels-flag.js";
import { containerName, networkName, type Labels } from "./labels.js";

/** What the plan needs to know of the cluster's place in the engine. */
export interface DockerPlanContext {
  clusterId: string;
  /** Extra labels the runtime puts on everything; agents put them on their task containers too. */
  labels?: Labels;
}

/** Where a role keeps its work directory inside its container. */
export const containerWorkDir = (roleName: string): string => `/var/lib/minimesos/${roleName}`;

/** The master's address as the other containers reach it: its network alias and its port. */
const masterOnNetwork = (plan: ClusterPlan): string => `${plan.master.name}:${new URL(plan.master.url).port}`;

function hostReachableUrl(url: string, bindAddress: string): string {
  const parsed = new URL(url);
  parsed.hostname = reachableHost(bindAddress);
  return parsed.origin;
}

/** Where the engine publishes the port mappings of DOCKER tasks on USER networks: the host's loopback. */
export const TASK_PUBLISH_IP = "127.0.0.1";

/** The containerizers an agent runs with here: `docker` first, so DOCKER tasks become sibling containers. */
function withDocker(containerizers: string | undefined): string {
  const names = (containerizers ?? "mesos").split(",").filter((n) => n !== "" && n !== "docker");
  return ["docker", ...names].join(",");
}

/**
 * An agent's flags: its work_dir is the host's `.minimesos/work/agent-N`, mounted at the same absolute path
 * (the host's engine bind-mounts sandboxes into task containers by that path). Its DOCKER tasks live in its
 * own network namespace: HOST tasks join the agent container's, BRIDGE tasks run on the cluster network
 * with their ports forwarded by the agent, so every task is reached at the agent's IP; USER networks' port
 * mappings are published on the host's loopback.
 */
function adaptAgentFlags(flags: Record<string, string>, name: string, context: DockerPlanContext): void {
  flags.work_dir = resolve(flags.work_dir ?? containerWorkDir(name));
  flags.containerizers = withDocker(flags.containerizers);
  flags.docker_publish_ip ??= TASK_PUBLISH_IP;
  flags.docker_host_network ??= `container:${containerName(context.clusterId, name)}`;
  flags.docker_bridge_network ??= networkName(context.clusterId);
  const labels = context.labels ?? {};
  if (flags.docker_container_labels === undefined && Object.keys(labels).length > 0)
    flags.docker_container_labels = formatLabelsFlag(labels);
}

/**
 * Mesos-DNS on every interface of its container: the published port for the host, and port 53 on the
 * cluster network, where the other containers' resolver (Docker's embedded one) forwards names it does not
 * know. It forwards names outside its domain to its own container's embedded resolver, which forwards to
 * the host's; it is the only container without Mesos-DNS as its resolver, so this never loops.
 */
function adaptMesosDnsFlags(flags: Record<string, string>, plan: ClusterPlan): void {
  flags.masters = masterOnNetwork(plan);
  flags.listener = "0.0.0.0";
  flags.http_listener = "0.0.0.0";
  flags.network_port = "53";
  flags.resolvers ??= DOCKER_EMBEDDED_DNS;
}

/** Docker's resolver inside every container on a user-defined network. */
export const DOCKER_EMBEDDED_DNS = "127.0.0.11";

function adaptRole(launch: RoleLaunch, plan: ClusterPlan, context: DockerPlanContext): RoleLaunch {
  const flags = { ...launch.flags };
  // The credential files are on the host, not in the role containers: agents here are not authenticated.
  delete flags.authenticate_agents;
  delete flags.credentials;
  delete flags.credential;
  const advertisesDefault = (ipFlag: string) =>
    flags.hostname === undefined || flags.hostname === reachableHost(flags[ipFlag] ?? "");
  if (launch.role === "consul") {
    flags.client = "0.0.0.0";
    delete flags.advertise;
    flags.data_dir = containerWorkDir(launch.name);
  } else if (launch.role === "registrator") {
    // Consul by its network alias; the agents' task processes are in their containers, so registrator
    // reads labels only (their environment is not visible from its container).
    if (plan.consul) flags.registry = `consul://${plan.consul.name}:${new URL(plan.consul.url).port}`;
  } else if (launch.role === "dns") {
    adaptMesosDnsFlags(flags, plan);
  } else if (launch.role === "marathon" || launch.role === "chronos") {
    if (advertisesDefault("http_address")) flags.hostname = launch.name;
    flags.http_address = "0.0.0.0";
    flags.storage = containerWorkDir(launch.name);
  } else {
    // An agent without a hostname of the spec's advertises its container's IP, which the host reaches.
    if (launch.role === "agent" && advertisesDefault("ip")) delete flags.hostname;
    if (launch.role === "master" && flags.hostname === undefined) flags.hostname = launch.name;
    flags.ip = "0.0.0.0";
    if (launch.role === "agent") adaptAgentFlags(flags, launch.name, context);
    else flags.work_dir = containerWorkDir(launch.name);
  }
  if (launch.role !== "master" && launch.role !== "consul" && launch.role !== "dns")
    flags.master = masterOnNetwork(plan);
  return { ...launch, flags, url: hostReachableUrl(launch.url, plan.bindAddress) };
}

/**
 * The plan as the Docker runtime runs it: every role binds 0.0.0.0 in its container (its port published on
 * the same host port) and finds the master by the master's alias; the master and Marathon advertise their
 * aliases, agents their container IPs (reachable from the host and from the other containers, so task
 * addresses work from both). The URLs stay the host-reachable 127.0.0.1:<port> ones.
 */
export function dockerPlan(plan: ClusterPlan, context: DockerPlanContext): ClusterPlan {
  const adapt = (launch: RoleLaunch) => adaptRole(launch, plan, context);
  return {
    bindAddress: plan.bindAddress,
    master: adapt(plan.master),
    agents: plan.agents.map(adapt),
    ...(plan.marathon ? { marathon: adapt(plan.marathon) } : {}),
    ...(plan.chronos ? { chronos: adapt(plan.chronos) } : {}),
    ...(plan.consul ? { consul: adapt(plan.consul) } : {}),
    ...(plan.registrator ? { registrator: adapt(plan.registrator) } : {}),
    ...(plan.mesosdns ? { mesosdns: adapt(plan.mesosdns) } : {}),
  };
}
