export type RoleKind = "master" | "agent" | "marathon";

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
  /** True once the role's process has ended (never for roles inside this process). */
  exited(): boolean;
  /** Graceful stop: SIGTERM (or stop() in process), waiting until it is gone. */
  stop(): Promise<void>;
  /** Abrupt stop: SIGKILL, or dropping the role's connections at once when in process. */
  kill(): Promise<void>;
}

export type RuntimeKind = "process" | "inproc";

/** Where the roles of a cluster run. */
export interface Runtime {
  readonly kind: RuntimeKind;
  launch(launch: RoleLaunch, clusterId: string): Promise<LaunchedRole>;
}
