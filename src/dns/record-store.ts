import type { DnsState } from "./dns-state.js";
import { generateRecords, type GeneratorSettings } from "./generator.js";
import { HostCache } from "./host-cache.js";
import { RecordSet } from "./record-set.js";

/**
 * The records being served: regenerated from the newest master state whenever it changes (several changes
 * in one tick give one generation), with the SOA serial set to the time of the change.
 */
export class RecordStore {
  private current = new RecordSet();
  private latest: DnsState | undefined;
  private scheduled = false;
  private serialSeconds: number;
  private readonly hosts: HostCache;
  private readonly listeners = new Set<() => void>();
  private generation = 0;

  constructor(
    private readonly settings: Omit<GeneratorSettings, "hostIps">,
    initialSerial = Math.floor(Date.now() / 1000),
  ) {
    this.serialSeconds = initialSerial;
    this.hosts = new HostCache(() => this.schedule());
  }

  records = (): RecordSet => this.current;

  serial = (): number => this.serialSeconds;

  /** How many times the records were generated. */
  get generations(): number {
    return this.generation;
  }

  /** Whether any master state arrived yet. */
  get loaded(): boolean {
    return this.latest !== undefined;
  }

  update(state: DnsState): void {
    this.latest = state;
    this.schedule();
  }

  /** Called after each generation (tests and benchmarks wait on it). */
  onGenerated(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(): void {
    if (this.scheduled || !this.latest) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.regenerate();
    });
  }

  private regenerate(): void {
    if (!this.latest) return;
    this.current = generateRecords(this.latest, {
      ...this.settings,
      hostIps: this.hosts.ips,
      taskCache: this.current.taskCache,
    });
    this.generation++;
    const now = Math.floor(Date.now() / 1000);
    this.serialSeconds = Math.max(now, this.serialSeconds);
    for (const listener of [...this.listeners]) listener();
  }
}
