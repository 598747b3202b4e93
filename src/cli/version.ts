import type { Command } from "commander";
import { PACKAGE_VERSION } from "../common/package-root.js";
import { MESOS_VERSION } from "../mesos/version.js";
import { writeOutput } from "./output.js";

export interface VersionInfo {
  version: string;
  mesosVersion: string;
}

export const versionInfo = (): VersionInfo => ({ version: PACKAGE_VERSION, mesosVersion: MESOS_VERSION });

export const renderVersion = (info: VersionInfo): string =>
  `minimesos ${info.version}\nMesos API ${info.mesosVersion}\n`;

export function registerVersionCommand(program: Command): void {
  program
    .command("version")
    .description("print minimesos's version and the Mesos API version it implements")
    .option("--json", "print {version, mesosVersion}")
    .action((options: { json?: boolean }) => writeOutput(options, versionInfo(), renderVersion));
}
