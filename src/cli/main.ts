#!/usr/bin/env node
import { CliError, ExitCode } from "./exit-codes.js";

const args = process.argv.slice(2);
const roleName = args[0] === "run" && args[1] !== undefined && !args[1].startsWith("-") ? args[1] : undefined;

// `run <role>` goes straight to the role: `up` starts one process per role, and each saves the command-line
// library's start-up time.
const main =
  roleName === "all-in-one"
    ? async () => (await import("../cluster/docker/all-in-one.js")).runAllInOne()
    : roleName !== undefined
      ? async () => (await import("./run-role.js")).runRole(roleName, args.slice(2))
      : async () => (await import("./program.js")).runProgram(process.argv);

main().catch((error: unknown) => {
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
