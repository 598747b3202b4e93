import type { FlagSpecs, FlagValue } from "./flags.js";
import type { Logger } from "./logger.js";

/** A role started inside this process. */
export interface RunningRole {
  /** `http://host:port` where the role serves. */
  readonly url: string;
  stop(): Promise<void>;
  /**
   * Registers the listener for a fatal end: the role can no longer do its job although nobody stopped it
   * (e.g. a leading master lost its ZooKeeper session, where Mesos aborts). Roles never call process.exit:
   * `minimesos run` stops the role, writes the message to stderr and exits with status 1.
   */
  onFatal?(listener: (error: Error) => void): void;
}

/** How `minimesos run <role>` configures and starts a role. */
export interface RoleDefinition {
  name: string;
  summary: string;
  flags: FlagSpecs;
  /** The prefix of the environment variables that set the flags, as the real binary reads them (default `MESOS_`). */
  envPrefix?: string;
  /** Rewrites the command line before the flags are parsed (e.g. Go-style `-config=x` into `--config=x`). */
  normaliseArgs?: (args: readonly string[]) => string[];
  start(flags: Record<string, FlagValue>, logger: Logger): Promise<RunningRole>;
}
