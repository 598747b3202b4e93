import { debugFailure } from "../../common/logger.js";
import type { Logger } from "../../common/logger.js";
import type { ID } from "../../mesos/ids.js";
import { SchedulerClient } from "../../mesos/scheduler-client.js";
import { handleOffers } from "../core/offer-round.js";
import type { MarathonCore } from "../core/marathon-core.js";
import { handleStatus } from "../core/status-updates.js";
import { marathonFrameworkInfo, type FrameworkSettings } from "./framework-info.js";

export interface ConnectionOptions {
  master: string;
  settings: FrameworkSettings;
  /** A framework id from storage: Marathon re-subscribes as the same framework. */
  frameworkId?: ID;
  logger: Logger;
  /** Called with the framework id each time the master (re-)subscribes us. */
  onSubscribed: (frameworkId: ID, master: string) => void;
}

const RETRY_MS = 500;

/** Marathon's link to the master: one SchedulerClient that keeps re-subscribing with the same framework id. */
export class FrameworkConnection {
  readonly client: SchedulerClient;
  private stopped = false;
  private everSubscribed = false;
  private retry: NodeJS.Timeout | undefined;
  private offerChain: Promise<void> = Promise.resolve();

  constructor(
    private readonly core: MarathonCore,
    private readonly options: ConnectionOptions,
  ) {
    this.client = new SchedulerClient({
      master: options.master,
      frameworkInfo: marathonFrameworkInfo(options.settings, options.frameworkId),
      reconnect: { initialDelayMs: 100, maxDelayMs: 2000 },
    });
    this.client.on("SUBSCRIBED", (e) => this.subscribed(e.subscribed.framework_id));
    this.client.on("disconnected", () => core.events.publish("scheduler_disconnected_event"));
    this.client.on("OFFERS", (e) => {
      const offers = e.offers.offers ?? [];
      this.offerChain = this.offerChain
        .then(() => handleOffers(core, offers))
        .catch((error: unknown) => options.logger.warn({ err: error }, "offer handling failed"));
    });
    this.client.on("UPDATE", (e) => {
      handleStatus(core, e.update.status);
      this.client.acknowledge(e.update.status).catch(debugFailure(this.options.logger, "acknowledge"));
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

  get isSubscribed(): boolean {
    return this.client.state === "subscribed";
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.core.driver = undefined;
    await this.client.close();
    await this.offerChain;
  }

  private subscribed(frameworkId: ID): void {
    const again = this.everSubscribed;
    this.everSubscribed = true;
    this.core.driver = this.client;
    this.core.resetOfferState();
    const master = this.client.leader ?? this.options.master;
    this.options.onSubscribed(frameworkId, master);
    if (again) this.core.events.publish("scheduler_reregistered_event", { master });
    else this.core.events.publish("scheduler_registered_event", { frameworkId: frameworkId.value, master });
    // Explicitly for the tasks Marathon knows (the master answers for those it lost), then implicitly.
    const known = this.core.tasks.all().map((t) => ({ task_id: t.id, agent_id: t.agentId }));
    if (known.length > 0) this.client.reconcile(known).catch(debugFailure(this.options.logger, "reconcile"));
    for (const task of this.core.tasks.all())
      if (task.killRequested)
        this.client.kill(task.id, task.agentId).catch(debugFailure(this.options.logger, "kill"));
    this.client.reconcile().catch(debugFailure(this.options.logger, "implicit reconcile"));
    this.core.tick();
  }
}
