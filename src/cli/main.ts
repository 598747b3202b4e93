#!/usr/bin/env node
import { Command } from "commander";
import { PACKAGE_VERSION } from "../common/package-version.js";
import { registerDestroyCommand } from "./destroy.js";
import { CliError, ExitCode } from "./exit-codes.js";
import { registerInfoCommand } from "./info.js";
import { registerInitCommand } from "./init.js";
import { registerLogsCommand } from "./logs.js";
import { registerPsCommand } from "./ps.js";
import { registerRunCommand } from "./run.js";
import { registerStateCommand } from "./state.js";
import { registerStatusCommand } from "./status.js";
import { registerUpCommand } from "./up.js";
import { registerVersionCommand } from "./version.js";

const program = new Command();
program.name("minimesos").description("A local, Mesos-compatible cluster").version(PACKAGE_VERSION);
program.configureOutput({ outputError: () => undefined });
program.exitOverride((error) => {
  throw new CliError(error.message, error.exitCode === 0 ? ExitCode.ok : ExitCode.usage);
});
registerInitCommand(program);
registerUpCommand(program);
registerDestroyCommand(program);
registerInfoCommand(program);
registerStateCommand(program);
registerPsCommand(program);
registerLogsCommand(program);
registerStatusCommand(program);
registerVersionCommand(program);
registerRunCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
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
