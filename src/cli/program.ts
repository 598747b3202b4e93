import { Command } from "commander";
import { PACKAGE_VERSION } from "../common/package-root.js";
import { registerCommands } from "./commands.js";
import { CliError, ExitCode } from "./exit-codes.js";

/** The commander program with the requested command registered, parsing `argv`. */
export async function runProgram(argv: readonly string[]): Promise<void> {
  const program = new Command();
  program.name("minimesos").description("A local, Mesos-compatible cluster").version(PACKAGE_VERSION);
  program.configureOutput({ outputError: () => undefined });
  program.exitOverride((error) => {
    throw new CliError(error.message, error.exitCode === 0 ? ExitCode.ok : ExitCode.usage);
  });
  await registerCommands(program, argv.slice(2));
  await program.parseAsync([...argv]);
}
