import { exitOnError } from "../cli/exit-on-error.js";
import { serveRole } from "../cli/serve-role.js";
import { agentRole } from "../agent/role.js";

/** Entry of the `agent` start-up bundle (see scripts/bundle.js): `minimesos run agent`. */
export const main = (args: readonly string[]): Promise<void> => serveRole(agentRole, args).catch(exitOnError);
