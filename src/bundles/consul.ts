import { exitOnError } from "../cli/exit-on-error.js";
import { serveRole } from "../cli/serve-role.js";
import { consulRole } from "../consul/role.js";

/** Entry of the `consul` start-up bundle (see scripts/bundle.js): `minimesos run consul`. */
export const main = (args: readonly string[]): Promise<void> =>
  serveRole(consulRole, args).catch(exitOnError);
