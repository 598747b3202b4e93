import { exitOnError } from "../cli/exit-on-error.js";
import { serveRole } from "../cli/serve-role.js";
import { dnsRole } from "../dns/role.js";

/** Entry of the `dns` start-up bundle (see scripts/bundle.js): `minimesos run dns`. */
export const main = (args: readonly string[]): Promise<void> => serveRole(dnsRole, args).catch(exitOnError);
