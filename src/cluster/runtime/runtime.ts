import type { ClusterPlan } from "../plan.js";
import type { Progress } from "../progress.js";

export type RoleKind = "master" | "agent" | "marathon" | "chronos" | "consul" | "registrator" | "dns";

/** What a runtime needs to start one role of a cluster. */
export interface RoleLaunch {
  /** Unique within the cluster: `master`, `agent-1`, ... */
  name: string;
  role: RoleKind;
  /** Flags as `minimesos run <role>` takes them, by Mesos flag name. */
  flags: Record<string, string>;
  /** Where the role will serve. */
  url: string;
  /** Role log file (process runtime). */
  logPath: string;
}

export interface LaunchedRole {
  readonly name: string;
  readonly role: RoleKind;
  readonly url: string;
  readonly pid: number;
  readonly logPath?: string;
  /** The role's container (docker runtime). */
  readonly containerId?: string;
  /** The IP a role bound to 0.0.0.0 advertises, when the runtime knows it (its container's IP). */
  readonly advertisedIp?: string;
  /** True once the role's process has ended (never for roles inside this process). */
  exited(): boolean;
  /**
   * False while what answers at the role's URL is not this role (another cluster's process on the same
   * port). Absent where binding the port is itself the proof (in process, published container ports).
   */
  servesItsUrl?(): boolean;
  /** Graceful stop: SIGTERM (or stop() in process), waiting until it is gone. */
  stop(): Promise<void>;
  /** Abrupt stop: SIGKILL, or dropping the role's connections at once when in process. */
  kill(): Promise<void>;
}

export type RuntimeKind = "process" | "inproc" | "docker";

/** Where the roles of a cluster run. */
export interface Runtime {
  readonly kind: RuntimeKind;
  launch(launch: RoleLaunch, clusterId: string): Promise<LaunchedRole>;
  /** Work before any role starts (the docker runtime builds its image and creates the cluster's network). */
  prepare?(clusterId: string, progress: Progress): Promise<void>;
  /** The plan as this runtime runs it (flags and URLs), when it differs from the host's view. */
  adaptPlan?(plan: ClusterPlan): ClusterPlan;
  /** Removes whatever of the cluster is left after its roles stopped (containers, network). */
  sweep?(clusterId: string): Promise<void>;
}
