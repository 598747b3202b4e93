import type { Logger } from "../../common/logger.js";
import type { Catalog } from "../state/catalog.js";
import type { CheckRecord } from "../state/records.js";
import { probe } from "./probes.js";

interface Running {
  /** The definition it runs, to notice a re-registration that changed it. */
  signature: string;
  timer: NodeJS.Timeout | undefined;
  /** The check's ModifyIndex when last seen: a TTL check's timer restarts when it moves. */
  seenIndex: number;
}

const REAP_INTERVAL_MS = 1000;

const signatureOf = (c: CheckRecord) => `${c.createIndex}:${JSON.stringify(c.run)}`;

/**
 * Runs the agent's checks: HTTP, TCP and script checks every interval (the first run at once), TTL
 * checks turning critical when no update came in time, and the removal of services whose check stayed
 * critical past DeregisterCriticalServiceAfter.
 */
export class CheckRunner {
  private readonly running = new Map<string, Running>();
  private readonly criticalSince = new Map<string, number>();
  private readonly reaper: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly catalog: Catalog,
    private readonly node: string,
    private readonly logger: Logger,
  ) {
    this.reaper = setInterval(() => this.reap(), REAP_INTERVAL_MS);
    this.reaper.unref();
  }

  /** Starts runners for new checks, restarts TTL timers that were updated, stops removed ones. */
  sync(): void {
    if (this.stopped) return;
    const seen = new Set<string>();
    for (const check of this.catalog.checksOfNode(this.node)) {
      if (!check.run) continue;
      seen.add(check.checkId);
      const current = this.running.get(check.checkId);
      const signature = signatureOf(check);
      if (current?.signature === signature) {
        if (check.run.ttlMs && current.seenIndex !== check.modifyIndex) this.startTtl(check, current);
        continue;
      }
      if (current) clearTimeout(current.timer);
      const entry: Running = { signature, timer: undefined, seenIndex: check.modifyIndex };
      this.running.set(check.checkId, entry);
      if (check.run.ttlMs) this.startTtl(check, entry);
      else this.schedule(check.checkId, entry, 0);
    }
    for (const [id, entry] of this.running)
      if (!seen.has(id)) {
        clearTimeout(entry.timer);
        this.running.delete(id);
        this.criticalSince.delete(id);
      }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.reaper);
    for (const entry of this.running.values()) clearTimeout(entry.timer);
    this.running.clear();
  }

  private schedule(checkId: string, entry: Running, delayMs: number): void {
    entry.timer = setTimeout(() => void this.runOnce(checkId, entry), delayMs);
  }

  private async runOnce(checkId: string, entry: Running): Promise<void> {
    const check = this.catalog.check(this.node, checkId);
    if (!check?.run || this.running.get(checkId) !== entry) return;
    const result = await probe(check.run);
    if (!result || this.stopped || this.running.get(checkId) !== entry) return;
    this.catalog.updateCheck(this.node, checkId, result.status, result.output);
    this.schedule(checkId, entry, check.run.intervalMs ?? 10_000);
  }

  /** (Re)starts a TTL check's timer: when it fires before the next update, the check turns critical. */
  private startTtl(check: CheckRecord, entry: Running): void {
    entry.seenIndex = check.modifyIndex;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      if (this.running.get(check.checkId) !== entry) return;
      this.catalog.updateCheck(this.node, check.checkId, "critical", "TTL expired");
      entry.seenIndex = this.catalog.check(this.node, check.checkId)?.modifyIndex ?? entry.seenIndex;
    }, check.run?.ttlMs);
  }

  /** Removes services whose check has been critical for longer than its DeregisterCriticalServiceAfter. */
  private reap(): void {
    const now = Date.now();
    for (const check of this.catalog.checksOfNode(this.node)) {
      const after = check.run?.deregisterAfterMs;
      if (!after || !check.serviceId) continue;
      if (check.status !== "critical") {
        this.criticalSince.delete(check.checkId);
        continue;
      }
      const since = this.criticalSince.get(check.checkId) ?? now;
      this.criticalSince.set(check.checkId, since);
      if (now - since < after) continue;
      this.logger.info(
        { service: check.serviceId, check: check.checkId },
        "removing a service critical for too long",
      );
      this.catalog.deleteService(this.node, check.serviceId);
    }
  }
}
