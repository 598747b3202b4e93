import { startAgent, type Agent } from "../../agent/agent.js";
import { agentOptionsFromFlags } from "../../agent/role.js";
import { parseFlags } from "../../common/flags.js";
import { createLogger, silentLogger, type Logger } from "../../common/logger.js";
import { ROLE_DEFINITIONS } from "../../common/role-registry.js";
import type { RunningRole } from "../../common/role.js";
import { flagsToArgs } from "./process-runtime.js";
import type { LaunchedRole, RoleLaunch, Runtime } from "./runtime.js";

/** SIGKILLs the process groups a crashed agent left running. */
function killGroups(groups: readonly number[]): void {
  for (const group of groups) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/**
 * Every role inside the calling process: the fastest way to get a cluster, and the test library's default.
 * `kill()` of an agent is its `crash()`: connections and timers dropped at once, tasks left running until
 * the role is stopped (which ends them).
 */
export class InprocRuntime implements Runtime {
  readonly kind = "inproc";

  constructor(
    private readonly logger: Logger | undefined = process.env.MINIMESOS_LOG_LEVEL
      ? undefined
      : silentLogger(),
  ) {}

  async launch(launch: RoleLaunch): Promise<LaunchedRole> {
    const logger = this.logger ?? createLogger(launch.name);
    const definition = ROLE_DEFINITIONS[launch.role];
    const flags = parseFlags(definition.flags, flagsToArgs(launch.flags)).values;
    // The agent's role definition exits the process on a master's SHUTDOWN; inside a test run it must not.
    const running: RunningRole | Agent =
      launch.role === "agent"
        ? await startAgent({ ...agentOptionsFromFlags(flags), logger })
        : await definition.start(flags, logger);
    let orphans: number[] = [];
    let stopped: Promise<void> | undefined;
    let killed: Promise<void> | undefined;
    const stop = () =>
      (stopped ??= (killed ?? Promise.resolve()).then(() => running.stop()).then(() => killGroups(orphans)));
    const kill = () =>
      (killed ??=
        "crash" in running
          ? running.crash().then((groups) => void (orphans = groups))
          : running.stop().then(() => undefined));
    return {
      name: launch.name,
      role: launch.role,
      url: running.url,
      pid: process.pid,
      exited: () => false,
      stop,
      kill,
    };
  }
}
