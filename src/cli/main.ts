#!/usr/bin/env node
import { isRoleName } from "../common/role-loaders.js";
import { exitOnError } from "./exit-on-error.js";
import { loadStartUpBundle } from "./start-up-bundle.js";

const args = process.argv.slice(2);
const roleName = args[0] === "run" && args[1] !== undefined && !args[1].startsWith("-") ? args[1] : undefined;

/** A role keeps running after its start-up; its code cache is saved once that code has run. */
const ROLE_CACHE_DELAY_MS = 2000;

/**
 * `run <role>` goes straight to the role, from its start-up bundle when the build made one: `up` starts one
 * process per role, and each saves the command-line library's start-up time.
 */
async function main(): Promise<void> {
  if (roleName === "all-in-one") return (await import("../cluster/docker/all-in-one.js")).runAllInOne();
  if (roleName !== undefined) {
    const loaded = isRoleName(roleName) ? loadStartUpBundle(roleName) : undefined;
    if (!loaded) return (await import("./run-role.js")).runRole(roleName, args.slice(2));
    await loaded.bundle.main(args.slice(2));
    setTimeout(loaded.saveCache, ROLE_CACHE_DELAY_MS).unref();
    return;
  }
  const loaded = loadStartUpBundle("cli");
  if (!loaded) return (await import("./program.js")).runProgram(process.argv);
  process.once("exit", loaded.saveCache);
  await loaded.bundle.main(process.argv);
}

main().catch(exitOnError);
