import { parseFlags } from "../../common/flags.js";
import { createLogger, silentLogger, type Logger } from "../../common/logger.js";
import { ROLE_DEFINITIONS } from "../../common/role-registry.js";
import { flagsToArgs } from "./process-runtime.js";
import type { LaunchedRole, RoleLaunch, Runtime } from "./runtime.js";

/** Every role inside the calling process: the fastest way to get a cluster, and the test library's default. */
export class InprocRuntime implements Runtime {
  readonly kind = "inproc";

  constructor(
    private readonly logger: Logger | undefined = process.env.MINIMESOS_LOG_LEVEL
      ? undefined
      : silentLogger(),
  ) {}

  async launch(launch: RoleLaunch): Promise<LaunchedRole> {
    const definition = ROLE_DEFINITIONS[launch.role];
    const flags = parseFlags(definition.flags, flagsToArgs(launch.flags)).values;
    const running = await definition.start(flags, this.logger ?? createLogger(launch.name));
    let stopped: Promise<void> | undefined;
    const stop = () => (stopped ??= running.stop());
    return {
      name: launch.name,
      role: launch.role,
      url: running.url,
      pid: process.pid,
      exited: () => false,
      stop,
      kill: stop,
    };
  }
}
