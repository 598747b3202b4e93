import { realpathSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import type { ExecutorRecord } from "../book.js";

export type Resolution = { path: string } | { error: string } | undefined;

/**
 * The paths the files API may serve: Mesos "attaches" each executor run's sandbox under its real path,
 * the `runs/latest` path and the virtual `/frameworks/<fw>/executors/<ex>/runs/latest`. Anything else,
 * and anything that escapes an attached directory through `..` or a symlink, is refused.
 */
export class FilesRegistry {
  private readonly paths = new Map<string, string>();

  attach(realPath: string, name: string): void {
    this.paths.set(name.replace(/\/+$/, ""), realpathSync(realPath));
  }

  attachRun(executor: ExecutorRecord, virtualPath: string): void {
    this.attach(executor.directory, executor.directory);
    this.attach(executor.directory, join(executor.directory, "..", "latest"));
    this.attach(executor.directory, virtualPath);
  }

  /** `{virtual: real}`, as `/files/debug` shows it. */
  debug(): Record<string, string> {
    return Object.fromEntries(this.paths);
  }

  /** Maps a requested path to a real one: the longest attached prefix plus the rest, kept inside it. */
  resolve(requested: string): Resolution {
    const tokens = requested.replace(/\/+$/, "").split("/");
    const suffix: string[] = [];
    while (tokens.length > 0) {
      const prefix = tokens.join("/");
      const root = this.paths.get(prefix);
      if (root === undefined) {
        suffix.unshift(tokens.pop() as string);
        continue;
      }
      if (!isDirectory(root)) return suffix.length === 0 ? { path: root } : undefined;
      const candidate = join(root, ...suffix);
      let real: string;
      try {
        real = realpathSync(candidate);
      } catch {
        return undefined;
      }
      if (real !== root && !real.startsWith(root + sep)) return { error: `'${candidate}' is inaccessible` };
      return { path: real };
    }
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
