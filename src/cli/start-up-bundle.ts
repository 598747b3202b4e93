import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script, constants as vmConstants } from "node:vm";

/**
 * The start-up bundles: `npm run build` puts each role's code, and the command line's, into one CommonJS
 * file (`scripts/bundle.js`). Loading one file instead of some 400 modules, and compiling it from V8's code
 * cache, cuts a role process's start-up CPU by more than half, and `up` starts four of them at once on
 * however few cores the machine has. Node 20 has no compile cache of its own (`module.enableCompileCache`
 * came with Node 22), so the cache is kept here.
 */
export interface StartUpBundle {
  main(args: readonly string[]): Promise<void>;
}

const BUNDLE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "bundled");

/** Per user, since a code cache holds code that this user's processes run. */
function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "minimesos", "v8-code-cache");
}

/**
 * V8 checks a cache against its own version, its flags and the source's length, not the source's content,
 * so the file name carries the bundle's size and modification time (a rebuilt bundle never meets an old cache)
 * and Node's options (which set V8's flags: processes started with other options keep a cache of their own).
 */
function cacheFile(build: string): string {
  const flags = createHash("sha1").update(process.execArgv.join(" ")).digest("hex").slice(0, 8);
  return join(cacheDir(), `${build}-${process.version}-${process.arch}-${flags}.bin`);
}

const readOrUndefined = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

/**
 * Writes the cache by rename, so processes starting the same bundle at once never read half a file, and
 * removes the caches of this bundle's earlier builds.
 */
function writeCache(bundle: string, build: string, file: string, data: Buffer): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
    for (const other of readdirSync(dir))
      if (other.startsWith(`${bundle}-`) && !other.startsWith(`${build}-`))
        rmSync(join(dir, other), { force: true });
  } catch {
    // No cache this time: the next start compiles from source again.
  }
}

export interface LoadedBundle {
  bundle: StartUpBundle;
  /** Whether V8 compiled the bundle from a code cache. */
  fromCache: boolean;
  /** Saves the code compiled so far as the cache, unless a valid cache was used. */
  saveCache(): void;
}

/** The named start-up bundle compiled and run, or undefined when the build made none (e.g. under vitest). */
export function loadStartUpBundle(name: string, dir: string = BUNDLE_DIR): LoadedBundle | undefined {
  const file = join(dir, `${name}.cjs`);
  let source: string;
  let stat;
  try {
    stat = statSync(file);
    source = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const build = `${name}-${stat.size}-${Math.trunc(stat.mtimeMs)}`;
  const cachePath = cacheFile(build);
  const cachedData = readOrUndefined(cachePath);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as StartUpBundle };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  return {
    bundle: module.exports,
    fromCache,
    saveCache: () => {
      if (!fromCache) writeCache(name, build, cachePath, script.createCachedData());
    },
  };
}
