import type { Offer, SchedulerClient, TaskStatus } from "../src/mesos/index.js";

const cpusOf = (offer: Offer) => offer.resources.find((r) => r.name === "cpus")?.scalar?.value ?? 0;
const memOf = (offer: Offer) => offer.resources.find((r) => r.name === "mem")?.scalar?.value ?? 0;

/** Keeps a scheduler's outstanding offers and task updates, with timestamps, so benchmarks can wait on them. */
export class OfferPool {
  private readonly offers: Array<{ offer: Offer; at: number }> = [];
  private readonly waiters: Array<() => void> = [];
  readonly updates: Array<{ status: TaskStatus; at: number }> = [];

  constructor(client: SchedulerClient) {
    client.on("OFFERS", (event) => {
      const at = performance.now();
      for (const offer of event.offers.offers) this.offers.push({ offer, at });
      this.wake();
    });
    client.on("RESCIND", (event) => {
      const index = this.offers.findIndex((o) => o.offer.id.value === event.rescind.offer_id.value);
      if (index >= 0) this.offers.splice(index, 1);
    });
    client.on("UPDATE", (event) => {
      this.updates.push({ status: event.update.status, at: performance.now() });
      this.wake();
    });
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private async until<T>(find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error("benchmark timed out waiting for an offer or update");
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** Takes (removes) an offer with at least these cpus and mem, waiting for one; resolves with when it arrived. */
  take(cpus: number, mem: number): Promise<{ offer: Offer; at: number }> {
    return this.until(() => {
      const index = this.offers.findIndex((o) => cpusOf(o.offer) >= cpus && memOf(o.offer) >= mem);
      return index >= 0 ? this.offers.splice(index, 1)[0] : undefined;
    });
  }

  /** When the task reached the state, waiting for it. */
  reached(taskId: string, state: string): Promise<number> {
    return this.until(
      () => this.updates.find((u) => u.status.task_id.value === taskId && u.status.state === state)?.at,
    );
  }

  /** Drops the offers held now (they are declined by the caller or left outstanding). */
  clear(): Offer[] {
    return this.offers.splice(0).map((o) => o.offer);
  }
}
