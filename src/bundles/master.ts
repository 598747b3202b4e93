import { exitOnError } from "../cli/exit-on-error.js";
import { serveRole } from "../cli/serve-role.js";
import { masterRole } from "../master/role.js";

/** Entry of the `master` start-up bundle (see scripts/bundle.js): `minimesos run master`. */
export const main = (args: readonly string[]): Promise<void> =>
  serveRole(masterRole, args).catch(exitOnError);
