import type { FlagSpecs, FlagValue } from "./flags.js";
import type { Logger } from "./logger.js";

/** A role started inside this process. */
export interface RunningRole {
  /** `http://host:port` where the role serves. */
  readonly url: string;
  stop(): Promise<void>;
}

/** How `minimesos run <role>` configures and starts a role. */
export interface RoleDefinition {
  name: string;
  summary: string;
  flags: FlagSpecs;
  /** The prefix of the environment variables that set the flags, as the real binary reads them (default `MESOS_`). */
  envPrefix?: string;
  start(flags: Record<string, FlagValue>, logger: Logger): Promise<RunningRole>;
}
