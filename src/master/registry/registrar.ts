import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../../common/logger.js";
import type { AgentRegistry } from "../state/agents.js";
import { parseRegistry, registrySnapshot, type RegistryState } from "./registry-state.js";

export const REGISTRY_FILE = "registry.json";

/**
 * Keeps the registry in `<work_dir>/registry.json`. Changes are coalesced: while one write is under way,
 * further changes wait for one more write of the newest state. Each write replaces the file atomically.
 */
export class Registrar {
  private writing: Promise<void> | undefined;
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly agents: AgentRegistry,
    private readonly logger: Logger,
  ) {}

  /** Reads the registry of an earlier run (undefined when there is none) and starts following `agents`. */
  static async open(
    workDir: string,
    agents: AgentRegistry,
    logger: Logger,
  ): Promise<{ registrar: Registrar; recovered: RegistryState | undefined }> {
    const file = join(workDir, REGISTRY_FILE);
    await mkdir(workDir, { recursive: true });
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    const recovered = text === undefined ? undefined : parseRegistry(text, file);
    const registrar = new Registrar(file, agents, logger);
    agents.onChange = () => registrar.changed();
    return { registrar, recovered };
  }

  changed(): void {
    this.dirty = true;
    this.writing ??= this.writeWhileDirty();
  }

  /** Resolves once every change made so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeWhileDirty(): Promise<void> {
    try {
      while (this.dirty) {
        await new Promise((resolve) => setImmediate(resolve));
        this.dirty = false;
        const text = JSON.stringify(registrySnapshot(this.agents));
        const temporary = `${this.file}.${process.pid}.tmp`;
        await writeFile(temporary, text);
        await rename(temporary, this.file);
      }
    } catch (error) {
      this.logger.error({ err: error, file: this.file }, "could not write the master registry");
    } finally {
      this.writing = undefined;
    }
  }
}
