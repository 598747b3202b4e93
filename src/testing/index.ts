// minimesos/testing: start and stop Mesos clusters from a test suite, wait for them, inject faults.
export { MesosCluster } from "./mesos-cluster.js";
export { StartedMesosCluster, type AgentRef } from "./started-mesos-cluster.js";
export type { ClusterAgent } from "./cluster-agent.js";
export type { AgentStatus } from "./cluster-roles.js";
export { WaitTimeoutError, DEFAULT_WAIT_TIMEOUT_MS, type WaitOptions } from "./wait.js";
export type { TaskOutputStream } from "./task-output.js";
export type { ResolveType } from "./dns-lookup.js";
export type { ConsulServiceEntry } from "./consul-service.js";
export type { ChronosJob } from "./chronos-job.js";
export type * from "./master-state.js";
export type * from "./agent-state.js";
export { ClusterStartError } from "../cluster/start-cluster.js";
export { ClusterSpecError } from "../cluster/spec/index.js";
export type { MesosClusterSpec } from "./cluster-source.js";
export { MinimesosFileError } from "../cluster/minimesosfile/index.js";
