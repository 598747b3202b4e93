import { exitOnError } from "../cli/exit-on-error.js";
import { serveRole } from "../cli/serve-role.js";
import { registratorRole } from "../registrator/role.js";

/** Entry of the `registrator` start-up bundle (see scripts/bundle.js): `minimesos run registrator`. */
export const main = (args: readonly string[]): Promise<void> =>
  serveRole(registratorRole, args).catch(exitOnError);
