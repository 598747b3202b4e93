import type { Logger } from "../../common/logger.js";
import type { ID } from "../../mesos/ids.js";
import { SchedulerClient } from "../../mesos/scheduler-client.js";
import type { ChronosCore } from "../core/chronos-core.js";
import { evaluate } from "../core/due-loop.js";
import { offerRound } from "../core/offer-round.js";
import { handleStatus } from "../core/status-updates.js";
import { chronosFrameworkInfo, type ChronosFrameworkSettings } from "./framework-info.js";

export interface ConnectionOptions {
  master: string | string[];
  settings: ChronosFrameworkSettings;
  /** A framework id from storage: Chronos re-subscribes as the same framework. */
  frameworkId?: ID;
  logger: Logger;
  /** Called with the framework id each time the master (re-)subscribes Chronos. */
  onSubscribed: (frameworkId: ID) => void;
}

const RETRY_MS = 500;

/**
 * Chronos's link to the master, in the way Marathon's works: one SchedulerClient that re-subscribes with
 * the same framework id after a drop, reconciles, takes offers, acknowledges every update.
 */
export class ChronosConnection {
  readonly client: SchedulerClient;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly core: ChronosCore,
    private readonly options: ConnectionOptions,
  ) {
    this.client = new SchedulerClient({
      master: options.master,
      frameworkInfo: chronosFrameworkInfo(options.settings, options.frameworkId),
      reconnect: { initialDelayMs: 100, maxDelayMs: 2000 },
    });
    this.client.on("SUBSCRIBED", (e) => this.subscribed(e.subscribed.framework_id));
    this.client.on("OFFERS", (e) => {
      try {
        offerRound(core, [...core.offers.takeAll(), ...(e.offers.offers ?? [])]);
      } catch (error) {
        options.logger.warn({ err: error }, "offer handling failed");
      }
    });
    this.client.on("RESCIND", (e) => core.offers.rescind(e.rescind.offer_id.value));
    this.client.on("UPDATE", (e) => {
      handleStatus(core, e.update.status);
      this.client.acknowledge(e.update.status).catch(() => undefined);
    });
    this.client.on("clientError", (error) => options.logger.warn({ err: error }, "scheduler client error"));
  }

  /** Subscribes in the background, retrying until the master answers. */
  start(): void {
    const attempt = () => {
      if (this.stopped) return;
      this.client.subscribe().catch((error: unknown) => {
        this.options.logger.warn({ err: error }, "subscription to the master failed; retrying");
        this.retry = setTimeout(attempt, RETRY_MS);
      });
    };
    attempt();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.core.driver = undefined;
    await this.client.close();
  }

  private subscribed(frameworkId: ID): void {
    this.core.driver = this.client;
    this.core.offers.takeAll();
    this.core.offerState.suppressed = false;
    this.core.offerState.lastReviveMs = 0;
    this.options.onSubscribed(frameworkId);
    const known = this.core.running.all().map((t) => ({
      task_id: { value: t.taskId },
      ...(t.agentId ? { agent_id: { value: t.agentId } } : {}),
    }));
    if (known.length > 0) this.client.reconcile(known).catch(() => undefined);
    this.client.reconcile().catch(() => undefined);
    evaluate(this.core);
  }
}
