import { exitOnError } from "../cli/exit-on-error.js";
import { runProgram } from "../cli/program.js";

/** Entry of the command line's start-up bundle (see scripts/bundle.js): every command but `run <role>`. */
export const main = (argv: readonly string[]): Promise<void> => runProgram(argv).catch(exitOnError);
