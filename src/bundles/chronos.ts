import { exitOnError } from "../cli/exit-on-error.js";
import { serveRole } from "../cli/serve-role.js";
import { chronosRole } from "../chronos/role.js";

/** Entry of the `chronos` start-up bundle (see scripts/bundle.js): `minimesos run chronos`. */
export const main = (args: readonly string[]): Promise<void> =>
  serveRole(chronosRole, args).catch(exitOnError);
