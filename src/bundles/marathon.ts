import { exitOnError } from "../cli/exit-on-error.js";
import { serveRole } from "../cli/serve-role.js";
import { marathonRole } from "../marathon/role.js";

/** Entry of the `marathon` start-up bundle (see scripts/bundle.js): `minimesos run marathon`. */
export const main = (args: readonly string[]): Promise<void> =>
  serveRole(marathonRole, args).catch(exitOnError);
