import { isRoleName, loadRoleDefinition, ROLE_NAMES } from "../common/role-loaders.js";
import { serveRole } from "./serve-role.js";

/** `minimesos run <role>`: finds the role by name and serves it as this OS process. */
export async function runRole(roleName: string, args: readonly string[]): Promise<void> {
  if (roleName === "--help" || roleName === "-h") {
    process.stdout.write(
      `Usage: minimesos run <role> [--flag=value ...]\nRoles: ${ROLE_NAMES.join(", ")}\n'minimesos run <role> --help' lists the flags of a role.\n`,
    );
    return;
  }
  if (!isRoleName(roleName)) {
    process.stderr.write(`Unknown role '${roleName}'. Choose one of: ${ROLE_NAMES.join(", ")}\n`);
    process.exitCode = 2;
    return;
  }
  await serveRole(await loadRoleDefinition(roleName), args);
}
