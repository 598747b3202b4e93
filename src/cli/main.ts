#!/usr/bin/env node
import { Command } from "commander";
import { registerRunCommand } from "./run.js";
import { PACKAGE_VERSION } from "../common/package-version.js";

const program = new Command();
program.name("minimesos").description("A local, Mesos-compatible cluster").version(PACKAGE_VERSION);
registerRunCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`minimesos: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
