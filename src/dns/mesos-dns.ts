import { createHttpApp, listen } from "../common/http-server.js";
import { Forwarder } from "../common/dns/forwarder.js";
import { startDnsServer, type RunningDnsServer } from "../common/dns/dns-server.js";
import type { Logger } from "../common/logger.js";
import type { RunningRole } from "../common/role.js";
import type { MesosDnsConfig } from "./config.js";
import { registerDnsHttpApi } from "./http-api.js";
import { MasterSync } from "./master-sync.js";
import { RecordStore } from "./record-store.js";
import { MesosDnsResolver } from "./resolver.js";

export interface MesosDnsOptions {
  config: MesosDnsConfig;
  /** Follow the operator SUBSCRIBE stream (default true); the `/master/state` poll stays as the fallback. */
  subscribe?: boolean;
  logger: Logger;
  /**
   * How long start-up waits for the first master state before serving anyway (default 5 s); `/health`
   * answers 503 until that state is in.
   */
  firstStateWaitMs?: number;
  /** Another port for DNS on the same listener (the Docker runtime's port 53). */
  networkPort?: number;
}

export interface RunningMesosDns extends RunningRole {
  /** Where DNS answers, UDP and TCP (undefined with DnsOn false). */
  readonly dns: { host: string; port: number } | undefined;
  readonly store: RecordStore;
}

function forwarders(config: MesosDnsConfig): { main: Forwarder; zones: Map<string, Forwarder> } {
  const timeoutMs = config.Timeout * 1000;
  const external = config.ExternalOn;
  const zones = new Map<string, Forwarder>();
  if (external)
    for (const [zone, resolvers] of Object.entries(config.ZoneResolvers))
      zones.set(zone.toLowerCase().replace(/\.$/, ""), new Forwarder({ resolvers, timeoutMs }));
  return { main: new Forwarder({ resolvers: external ? (config.Resolvers ?? []) : [], timeoutMs }), zones };
}

/** Mesos-DNS in this process: the records from the master, DNS on UDP and TCP, and the HTTP API. */
export async function startMesosDns(options: MesosDnsOptions): Promise<RunningMesosDns> {
  const { config, logger } = options;
  const store = new RecordStore({
    domain: config.Domain,
    soaMname: config.SOAMname,
    listener: config.Listener,
    masters: config.Masters ?? [],
    ipSources: config.IPSources,
    enforceRFC952: config.EnforceRFC952,
  });
  const sync = new MasterSync({
    masters: config.Masters ?? [],
    ...(config.Zk !== "" ? { zk: config.Zk } : {}),
    subscribe: options.subscribe ?? true,
    refreshSeconds: config.RefreshSeconds,
    stateTimeoutSeconds: config.StateTimeoutSeconds,
    logger,
    onState: (state) => store.update(state),
  });
  await sync.start(options.firstStateWaitMs ?? 5000);

  let dns: RunningDnsServer | undefined;
  let extra: RunningDnsServer | undefined;
  const app = createHttpApp(logger);
  try {
    if (config.DnsOn) {
      const { main, zones } = forwarders(config);
      const resolver = new MesosDnsResolver(
        {
          domain: config.Domain,
          ttl: config.TTL,
          srvWeight: config.SRVRecordDefaultWeight,
          recurseOn: config.RecurseOn,
          soaMname: config.SOAMname,
          soaRname: config.SOARname,
          soaRefresh: config.SOARefresh,
          soaRetry: config.SOARetry,
          soaExpire: config.SOAExpire,
        },
        store,
        main,
        zones,
      );
      const serve = (port: number) =>
        startDnsServer({
          host: config.Listener,
          port,
          handler: resolver.handle,
          logger,
          setTruncateBit: config.SetTruncateBit,
        });
      dns = await serve(config.Port);
      if (options.networkPort !== undefined && options.networkPort !== dns.port)
        extra = await serve(options.networkPort);
    }
    const live = { ...config, Port: dns?.port ?? config.Port };
    registerDnsHttpApi(app, { config: live, records: store.records, serial: store.serial });
    app.get("/health", (_req, reply) => reply.code(store.loaded ? 200 : 503).send(""));
    let url = `dns://${config.Listener}:${dns?.port ?? 0}`;
    if (config.HttpOn) {
      const bound = await listen(app, config.HTTPListener, config.HttpPort);
      live.HttpPort = bound.port;
      url = `http://${bound.host === "0.0.0.0" ? "127.0.0.1" : bound.host}:${bound.port}`;
    }
    logger.info(
      { dns: dns && `${dns.host}:${dns.port}`, http: config.HttpOn ? url : undefined },
      "Mesos-DNS serving",
    );
    return {
      url,
      dns: dns && { host: dns.host, port: dns.port },
      store,
      stop: async () => {
        await sync.stop();
        await Promise.all([dns?.close(), extra?.close(), app.close()]);
      },
    };
  } catch (error) {
    await sync.stop();
    await Promise.all([dns?.close(), extra?.close(), app.close()]);
    throw error;
  }
}
