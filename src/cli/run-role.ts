import { describeFlags, FlagError, parseFlags } from "../common/flags.js";
import { createLogger } from "../common/logger.js";
import { isRoleName, loadRoleDefinition, ROLE_NAMES } from "../common/role-loaders.js";

/**
 * One role as this OS process, configured like the real binary, until SIGTERM or SIGINT. It loads only that
 * role's code (no command-line library), because `up` starts one such process per role.
 */
export async function runRole(roleName: string, args: readonly string[]): Promise<void> {
  if (roleName === "--help" || roleName === "-h") {
    process.stdout.write(
      `Usage: minimesos run <role> [--flag=value ...]\nRoles: ${ROLE_NAMES.join(", ")}\n'minimesos run <role> --help' lists the flags of a role.\n`,
    );
    return;
  }
  if (!isRoleName(roleName)) {
    process.stderr.write(`Unknown role '${roleName}'. Choose one of: ${ROLE_NAMES.join(", ")}\n`);
    process.exitCode = 2;
    return;
  }
  const role = await loadRoleDefinition(roleName);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(
      `Usage: minimesos run ${role.name} [--flag=value ...]\n${role.summary}\n\n${describeFlags(role.flags)}\n`,
    );
    return;
  }
  let flags;
  try {
    flags = parseFlags(role.flags, args, process.env, role.envPrefix).values;
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
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${role.name} stopping`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
