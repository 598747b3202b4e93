import type { Logger } from "../../common/logger.js";
import type { AgentRegistry } from "../state/agents.js";
import { parseRegistry, registrySnapshot, type RegistryState } from "./registry-state.js";
import type { RegistryStore } from "./registry-store.js";

export { REGISTRY_FILE } from "./registry-store.js";

/**
 * Keeps the registry in a store (`<work_dir>/registry.json`, or a znode under --zk). Changes are coalesced:
 * while one write is under way, further changes wait for one more write of the newest state.
 */
export class Registrar {
  private writing: Promise<void> | undefined;
  private dirty = false;

  private constructor(
    private readonly store: RegistryStore,
    private readonly agents: AgentRegistry,
    private readonly logger: Logger,
  ) {}

  /** Reads the registry of an earlier run (undefined when there is none) and starts following `agents`. */
  static async open(
    store: RegistryStore,
    agents: AgentRegistry,
    logger: Logger,
  ): Promise<{ registrar: Registrar; recovered: RegistryState | undefined }> {
    const text = await store.read();
    const recovered = text === undefined ? undefined : parseRegistry(text, store.where);
    const registrar = new Registrar(store, agents, logger);
    agents.onChange = () => registrar.changed();
    return { registrar, recovered };
  }

  changed(): void {
    this.dirty = true;
    this.writing ??= this.writeWhileDirty();
  }

  /** Resolves once every change made so far is stored. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Flushes, then lets go of the store. */
  async close(): Promise<void> {
    await this.flush();
    this.store.close();
  }

  private async writeWhileDirty(): Promise<void> {
    try {
      while (this.dirty) {
        await new Promise((resolve) => setImmediate(resolve));
        this.dirty = false;
        await this.store.write(JSON.stringify(registrySnapshot(this.agents)));
      }
    } catch (error) {
      this.logger.error({ err: error, where: this.store.where }, "could not write the master registry");
    } finally {
      this.writing = undefined;
    }
  }
}
