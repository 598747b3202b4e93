import type { Logger } from "../common/logger.js";
import { RecordIODecoder } from "../common/recordio.js";
import { Agent } from "node:http";
import { postForStream, postJson, readBody } from "../mesos/http-transport.js";
import { AGENT_LINK_PATH, type AgentLinkCall, type AgentLinkEvent } from "../mesos/agent-link-protocol.js";
import { locateMasters, type MasterLocator } from "../mesos/master-locator.js";
import { isZkUrl } from "../mesos/zk/zk-url.js";

export interface MasterLinkOptions {
  /** `http://host:port` of the master, or `zk://…/path`: then the link follows the leader there. */
  masterUrl: string;
  logger: Logger;
  /** The REGISTER body for each attempt (it carries the running tasks on re-registration). */
  registration: () => NonNullable<AgentLinkCall["register"]>;
  /** The id to register with: the checkpointed one, or undefined for a first registration. */
  agentId: () => string | undefined;
  onEvent: (event: AgentLinkEvent) => void;
  /** The stream ended (master gone or restarted); the link reconnects by itself. */
  onDisconnected?: () => void;
  backoffMaxMs: number;
  /** The `Authorization` header of every call, when the agent has a credential. */
  authorization?: string;
}

const FIRST_BACKOFF_MS = 20;
/** A master that does not even start its answer within this is treated as gone. */
const ANSWER_TIMEOUT_MS = 10_000;
const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });
/**
 * While nothing listens at the master's address (it is still starting, or restarting), retries stay this
 * quick: a refused connection costs the master nothing, and agents started beside it register at once.
 */
const REFUSED_BACKOFF_MAX_MS = 100;
/** How long one attempt waits for ZooKeeper to name a leader before backing off. */
const LEADER_WAIT_MS = 2_000;

/**
 * The agent's side of the internal link: keeps one REGISTER stream open (reconnecting with capped
 * exponential backoff and re-registering with the checkpointed id) and posts every other call.
 */
export class MasterLink {
  private stopped = false;
  private abort: { abort(): void } | undefined;
  private connected = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private refused = false;
  /** With `zk://`: where the leader is read, and the leader currently used. */
  private readonly locator: MasterLocator | undefined;
  private master: string | undefined;

  constructor(private readonly options: MasterLinkOptions) {
    this.locator = isZkUrl(options.masterUrl) ? locateMasters(options.masterUrl) : undefined;
    this.master = this.locator ? undefined : options.masterUrl;
  }

  /** The master the link uses now (for `zk://`, the last leader read; undefined before the first). */
  get masterInUse(): string | undefined {
    return this.master;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  start(): void {
    if (this.loop) return;
    // A new leader: drop the stream to the old one, so that the agent re-registers with the new one at once.
    this.locator?.onLeaderChange((leader) => {
      if (this.stopped || leader.origin === this.master) return;
      this.options.logger.info({ leader: leader.origin, was: this.master }, "new leading master");
      this.master = leader.origin;
      this.reconnect();
    });
    this.loop = this.run();
  }

  /** Posts a call; false when the master is unreachable or refuses it (the caller retries if it must). */
  async send(call: AgentLinkCall): Promise<boolean> {
    const agentId = this.options.agentId();
    const master = this.master;
    if (this.stopped || !agentId || master === undefined) return false;
    try {
      const res = await postJson(
        new URL(master + AGENT_LINK_PATH),
        JSON.stringify({ ...call, agent_id: { value: agentId } }),
        { agent: keepAlive, headers: this.authHeaders(), timeoutMs: ANSWER_TIMEOUT_MS },
      );
      if (res.status >= 400)
        this.options.logger.warn({ status: res.status, text: res.body, type: call.type }, "call refused");
      return res.status < 300;
    } catch (error) {
      this.options.logger.debug({ err: error, type: call.type }, "call failed");
      return false;
    }
  }

  private authHeaders(): Record<string, string> {
    return this.options.authorization ? { authorization: this.options.authorization } : {};
  }

  /** Drops the current stream so that the agent re-registers at once (used after a missed ping). */
  reconnect(): void {
    this.abort?.abort();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pingTimer);
    this.abort?.abort();
    this.wake?.();
    this.locator?.close();
    await this.loop;
  }

  /** The master to register with: fixed, or the leader ZooKeeper names (undefined while none is known). */
  private async currentMaster(): Promise<string | undefined> {
    if (!this.locator) return this.master;
    try {
      const [leader] = await this.locator.candidates(LEADER_WAIT_MS);
      if (leader) this.master = leader.origin;
    } catch (error) {
      this.options.logger.debug({ err: error }, "no leading master in ZooKeeper yet");
    }
    return this.master;
  }

  private async run(): Promise<void> {
    let backoff = FIRST_BACKOFF_MS;
    while (!this.stopped) {
      const registeredAt = await this.openStream();
      if (this.stopped) break;
      if (registeredAt) backoff = FIRST_BACKOFF_MS;
      await this.sleep(Math.random() * backoff);
      backoff = Math.min(
        backoff * 2,
        this.options.backoffMaxMs,
        this.refused ? REFUSED_BACKOFF_MAX_MS : Infinity,
      );
    }
  }

  /** One REGISTER stream, read until it ends; true if the master answered REGISTERED on it. */
  private async openStream(): Promise<boolean> {
    let registered = false;
    this.refused = false;
    const master = await this.currentMaster();
    if (master === undefined || this.stopped) return false;
    const agentId = this.options.agentId();
    const call: AgentLinkCall = {
      type: "REGISTER",
      ...(agentId ? { agent_id: { value: agentId } } : {}),
      register: this.options.registration(),
    };
    try {
      const post = postForStream(new URL(master + AGENT_LINK_PATH), JSON.stringify(call), {
        headers: this.authHeaders(),
        timeoutMs: ANSWER_TIMEOUT_MS,
      });
      this.abort = post;
      if (this.stopped) post.abort();
      const res = await post.response;
      if (res.statusCode !== 200) {
        const body = await readBody(res);
        this.options.logger.warn({ status: res.statusCode, body }, "registration refused");
        return false;
      }
      const decoder = new RecordIODecoder();
      for await (const chunk of res as AsyncIterable<Buffer>) {
        for (const record of decoder.push(chunk)) {
          const event = JSON.parse(record.toString("utf8")) as AgentLinkEvent;
          if (event.type === "REGISTERED") {
            registered = true;
            this.connected = true;
          }
          this.watchPings(event);
          this.options.onEvent(event);
        }
      }
    } catch (error) {
      this.refused = (error as NodeJS.ErrnoException).code === "ECONNREFUSED";
      if (!this.stopped) this.options.logger.debug({ err: error }, "master link dropped");
    } finally {
      clearTimeout(this.pingTimer);
      if (this.connected) {
        this.connected = false;
        if (!this.stopped) this.options.onDisconnected?.();
      }
    }
    return registered;
  }

  /** A master that stops pinging for five intervals is treated as gone, as Mesos agents do. */
  private watchPings(event: AgentLinkEvent): void {
    const seconds = event.registered?.ping_interval_seconds ?? this.pingSeconds;
    if (event.registered) this.pingSeconds = seconds;
    if (!seconds) return;
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => this.reconnect(), seconds * 5 * 1000);
    this.pingTimer.unref();
  }

  private pingSeconds: number | undefined;

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
