import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { defaultMinimesosFile } from "../cluster/minimesosfile/index.js";
import { CliError, ExitCode } from "./exit-codes.js";

/** Writes `minimesosFile` with today's defaults into `dir`; refuses to overwrite one. */
export function initMinimesosFile(dir: string): string {
  const file = join(dir, "minimesosFile");
  if (existsSync(file))
    throw new CliError(
      "A minimesosFile already exists in this directory",
      ExitCode.failure,
      "Edit it, or remove it and run 'minimesos init' again.",
    );
  writeFileSync(file, defaultMinimesosFile(), { flag: "wx" });
  return file;
}

export function registerInitCommand(program: Command): void {
  program
    .command("init")
    .description("write a minimesosFile with the defaults into this directory")
    .action(() => {
      initMinimesosFile(process.cwd());
      process.stderr.write("Initialized minimesosFile in this directory\n");
    });
}
