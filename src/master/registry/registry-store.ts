import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Where the registry text lives: a file in the work dir, or a znode the next leader reads. */
export interface RegistryStore {
  /** Names the place in messages, e.g. the file path or `zk://…/mesos/registry`. */
  readonly where: string;
  /** The stored text; undefined when nothing was stored yet. */
  read(): Promise<string | undefined>;
  /** Replaces the stored text as a whole. */
  write(text: string): Promise<void>;
  close(): void;
}

export const REGISTRY_FILE = "registry.json";

/** `<work_dir>/registry.json`, replaced atomically on each write. */
export class FileRegistryStore implements RegistryStore {
  readonly where: string;
  constructor(private readonly workDir: string) {
    this.where = join(workDir, REGISTRY_FILE);
  }

  async read(): Promise<string | undefined> {
    await mkdir(this.workDir, { recursive: true });
    return readFile(this.where, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
  }

  async write(text: string): Promise<void> {
    const temporary = `${this.where}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, this.where);
  }

  close(): void {}
}
