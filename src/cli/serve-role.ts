import { describeFlags, FlagError, parseFlags } from "../common/flags.js";
import { createLogger } from "../common/logger.js";
import type { RoleDefinition } from "../common/role.js";

/** How long a role that reported a fatal end may take to stop before the process exits anyway. */
const FATAL_STOP_GRACE_MS = 5_000;

/**
 * One loaded role as this OS process, configured like the real binary, until SIGTERM or SIGINT. It imports
 * no other role, so each role's start-up bundle holds only its own code.
 */
export async function serveRole(role: RoleDefinition, args: readonly string[]): Promise<void> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(
      `Usage: minimesos run ${role.name} [--flag=value ...]\n${role.summary}\n\n${describeFlags(role.flags)}\n`,
    );
    return;
  }
  let flags;
  try {
    flags = parseFlags(role.flags, role.normaliseArgs?.(args) ?? args, process.env, role.envPrefix).values;
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    process.stderr.write(`${error.message}\nSee 'minimesos run ${role.name} --help' for the flags.\n`);
    process.exitCode = 2;
    return;
  }
  const logger = createLogger(role.name);
  const running = await role.start(flags, logger);
  logger.info({ url: running.url }, `${role.name} serving at ${running.url}`);
  let stopping = false;
  const stop = (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${role.name} stopping`);
    running.stop().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        logger.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  running.onFatal?.((error) => {
    process.stderr.write(`${role.name} must end: ${error.message}\n`);
    // A stop that hangs must not keep a role that gave up alive.
    setTimeout(() => process.exit(1), FATAL_STOP_GRACE_MS).unref();
    stop("fatal", 1);
  });
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
