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
 * so the file name carries a hash of the bundle (a changed bundle never meets an old cache, even at the same
 * length and modification time, as npm extracts every file with one fixed time) and Node's options (which
 * set V8's flags: processes started with other options keep a cache of their own).
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

/** Caches of other builds of a bundle (an upgrade, another checkout) unused this long are removed. */
const STALE_CACHE_MS = 7 * 24 * 3600 * 1000;

/**
 * Writes the cache by rename, so processes starting the same bundle at once never read half a file, and
 * removes the stale caches of this bundle's other builds (not the recent ones: two installs side by side
 * must not remove each other's).
 */
function writeCache(bundle: string, build: string, file: string, data: Buffer): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
    const staleBefore = Date.now() - STALE_CACHE_MS;
    for (const other of readdirSync(dir)) {
      const path = join(dir, other);
      if (
        other.startsWith(`${bundle}-`) &&
        !other.startsWith(`${build}-`) &&
        statSync(path).mtimeMs < staleBefore
      )
        rmSync(path, { force: true });
    }
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const source = bytes.toString("utf8");
  const build = `${name}-${createHash("sha1").update(bytes).digest("hex").slice(0, 16)}`;
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
