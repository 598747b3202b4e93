import type { Command } from "commander";
import { describeFlags, FlagError, parseFlags } from "../common/flags.js";
import { createLogger } from "../common/logger.js";
import { isRoleName, loadRoleDefinition, ROLE_NAMES } from "../common/role-loaders.js";

/** `minimesos run <role> [--flag=value ...]`: one role as this OS process, configured like the real binary. */
export function registerRunCommand(program: Command): void {
  program
    .command("run")
    .description("run one role (master, agent) as this process, with Mesos's flags or MESOS_* variables")
    .argument("<role>", `one of: ${ROLE_NAMES.join(", ")}`)
    .argument("[flags...]", "the role's flags, as --name=value")
    .allowUnknownOption(true)
    .helpOption(false)
    .addHelpText("after", "\n'minimesos run <role> --help' lists the flags of a role.")
    .action(async (roleName: string, args: string[]) => {
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
    });
}
