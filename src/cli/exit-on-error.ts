import { CliError, ExitCode } from "./exit-codes.js";

/**
 * The command line's last word on an error: `minimesos: <message>` and its hint on stderr, then the exit code.
 * Each start-up bundle carries its own copy of CliError, so each entry ends its own errors with this.
 */
export function exitOnError(error: unknown): never {
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
}
