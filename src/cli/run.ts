import type { Command } from "commander";
import { ROLE_NAMES } from "../common/role-loaders.js";
import { runRole } from "./run-role.js";

/** `minimesos run <role> [--flag=value ...]`: one role as this OS process, configured like the real binary. */
export function registerRunCommand(program: Command): void {
  program
    .command("run")
    .description(
      "run one role (master, agent, marathon, chronos, consul, registrator, dns) as this process, with the real binary's flags",
    )
    .argument("<role>", `one of: ${ROLE_NAMES.join(", ")}`)
    .argument("[flags...]", "the role's flags, as --name=value")
    .allowUnknownOption(true)
    .helpOption(false)
    .addHelpText("after", "\n'minimesos run <role> --help' lists the flags of a role.")
    .action((roleName: string, args: string[]) => runRole(roleName, args));
}
