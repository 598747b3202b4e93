import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { startDnsServer, type RunningDnsServer } from "../common/dns/dns-server.js";
import { createHttpApp, listen } from "../common/http-server.js";
import { silentLogger, type Logger } from "../common/logger.js";
import type { RunningRole } from "../common/role.js";
import { LocalAgent } from "./agent/local-agent.js";
import { CheckRunner } from "./checks/check-runner.js";
import type { ConsulConfig } from "./consul-config.js";
import { consulDnsHandler } from "./dns/consul-dns.js";
import type { ConsulOptions } from "./flags.js";
import type { ConsulContext } from "./http/context.js";
import { registerConsulApi } from "./http/register.js";
import { Catalog } from "./state/catalog.js";
import { ChangeFeed } from "./state/change-feed.js";
import { KvStore } from "./state/kv-store.js";
import { SessionStore } from "./state/session-store.js";
import { ConsulPersistence } from "./state/persistence.js";

export interface Consul extends RunningRole {
  readonly port: number;
  /** The DNS interface's port (UDP and TCP), undefined when it is off. */
  readonly dnsPort: number | undefined;
  readonly context: ConsulContext;
}

/** Starts a Consul-compatible one-server agent: the HTTP API (and, with a DNS port, the DNS interface). */
export async function startConsul(options: ConsulOptions & { logger?: Logger } = {}): Promise<Consul> {
  const logger = options.logger ?? silentLogger();
  const client = options.client ?? "127.0.0.1";
  const persistence = options.dataDir ? new ConsulPersistence(options.dataDir, logger) : undefined;
  const config: ConsulConfig = {
    datacenter: options.datacenter ?? "dc1",
    nodeName: options.node ?? hostname(),
    nodeId: persistence?.nodeId() ?? randomUUID(),
    advertiseAddr: options.advertise ?? (client === "0.0.0.0" ? "127.0.0.1" : client),
    clientAddr: client,
    domain: `${(options.domain ?? "consul").replace(/\.$/, "")}.`,
    httpPort: options.httpPort ?? 8500,
    dnsPort: options.dnsPort ?? 8600,
    dataDir: options.dataDir ?? "",
    dnsOnlyPassing: options.dnsOnlyPassing ?? false,
  };
  const feed = new ChangeFeed();
  const catalog = new Catalog(feed);
  const kv = new KvStore(feed);
  const sessions = new SessionStore(feed, kv);
  persistence?.load(feed, catalog, kv, sessions);
  const agent = new LocalAgent(catalog, config);
  agent.joinSelf();
  const runner = new CheckRunner(catalog, config.nodeName, logger);
  let syncQueued = false;
  feed.onChange((table) => {
    persistence?.scheduleSave(feed, catalog, kv, sessions);
    if (table === "checks" || table === "nodes")
      sessions.invalidateUnhealthy((node, checkId) => catalog.check(node, checkId)?.status);
    if (syncQueued) return;
    syncQueued = true;
    queueMicrotask(() => {
      syncQueued = false;
      runner.sync();
    });
  });
  runner.sync();
  const context: ConsulContext = { config, feed, catalog, kv, sessions, agent };
  const app = createHttpApp(logger);
  registerConsulApi(app, context);
  const listening = await listen(app, client, config.httpPort);
  config.httpPort = listening.port;
  let dns: RunningDnsServer | undefined;
  if (config.dnsPort >= 0) {
    try {
      dns = await startDnsServer({
        host: client,
        port: config.dnsPort,
        handler: consulDnsHandler(context),
        logger,
      });
    } catch (error) {
      await app.close();
      throw error;
    }
    config.dnsPort = dns.port;
  }
  logger.info(
    { http: listening.port, dns: dns?.port, datacenter: config.datacenter, node: config.nodeName },
    "consul started",
  );
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${client === "0.0.0.0" ? "127.0.0.1" : client}:${listening.port}`,
    port: listening.port,
    dnsPort: dns?.port,
    context,
    stop: () =>
      (stopped ??= (async () => {
        runner.stop();
        sessions.stop();
        feed.close();
        await Promise.all([app.close(), dns?.close()]);
        persistence?.saveNow(feed, catalog, kv, sessions);
      })()),
  };
}
