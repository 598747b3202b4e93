#!/usr/bin/env node
import { Command } from "commander";
import { PACKAGE_VERSION } from "../common/package-version.js";
import { registerCommands } from "./commands.js";
import { CliError, ExitCode } from "./exit-codes.js";

const program = new Command();
program.name("minimesos").description("A local, Mesos-compatible cluster").version(PACKAGE_VERSION);
program.configureOutput({ outputError: () => undefined });
program.exitOverride((error) => {
  throw new CliError(error.message, error.exitCode === 0 ? ExitCode.ok : ExitCode.usage);
});

registerCommands(program, process.argv.slice(2))
  .then(() => program.parseAsync(process.argv))
  .catch((error: unknown) => {
    if (error instanceof CliError) {
      if (error.code !== ExitCode.ok) {
        process.stderr.write(`minimesos: ${error.message.replace(/^error: /, "")}\n`);
        if (error.hint) process.stderr.write(`${error.hint}\n`);
      }
      process.exit(error.code);
    }
    process.stderr.write(
      `minimesos: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(ExitCode.failure);
  });
