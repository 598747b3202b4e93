import { sendMessage } from "./http/replies.js";
import { userInfo } from "node:os";
import { createHttpApp, listen } from "../common/http-server.js";
import { silentLogger, type Logger } from "../common/logger.js";
import type { RunningRole } from "../common/role.js";
import type { ID } from "../mesos/ids.js";
import { MarathonCore } from "./core/marathon-core.js";
import { FrameworkConnection } from "./framework/connection.js";
import { HealthMonitor } from "./health/health-monitor.js";
import { ReadinessMonitor } from "./health/readiness-monitor.js";
import { registerMarathonApi } from "./http/register.js";
import type { MarathonSettings } from "./marathon-settings.js";
import { MarathonStorage } from "./state/storage.js";

export interface MarathonOptions {
  /** `host:port` or `http://host:port` of the Mesos master. */
  master: string;
  /** Where to listen; default 127.0.0.1. */
  httpAddress?: string;
  /** Default 8080; 0 picks any free port. */
  httpPort?: number;
  hostname?: string;
  frameworkName?: string;
  mesosRole?: string;
  mesosUser?: string;
  localPortMin?: number;
  localPortMax?: number;
  /** A directory that keeps apps, deployments, tasks and the framework id across restarts. */
  storage?: string;
  logger?: Logger;
}

export interface Marathon extends RunningRole {
  readonly port: number;
  readonly core: MarathonCore;
  /** The framework id, once the master subscribed Marathon. */
  frameworkId(): string | undefined;
}

const TICK_MS = 1000;

/** Starts a Marathon-compatible scheduler: the /v2 REST API, and a framework on the given master. */
export async function startMarathon(options: MarathonOptions): Promise<Marathon> {
  const logger = options.logger ?? silentLogger();
  const httpAddress = options.httpAddress ?? "127.0.0.1";
  const storage = options.storage ? new MarathonStorage(options.storage, logger) : undefined;
  const core = new MarathonCore({
    logger,
    servicePorts: { min: options.localPortMin ?? 10000, max: options.localPortMax ?? 20000 },
    onChange: () => storage?.scheduleSave(core, () => frameworkId),
  });
  const restored = storage?.load(core);
  let frameworkId: ID | undefined = restored?.frameworkId;
  const app = createHttpApp(logger, { clientError: sendMessage });
  const settings: MarathonSettings = {
    master: options.master,
    hostname: options.hostname ?? httpAddress,
    httpAddress,
    httpPort: options.httpPort ?? 8080,
    frameworkName: options.frameworkName ?? "marathon",
    mesosRole: options.mesosRole ?? "*",
    mesosUser: options.mesosUser ?? userInfo().username,
    localPortMin: options.localPortMin ?? 10000,
    localPortMax: options.localPortMax ?? 20000,
    ...(options.storage ? { storage: options.storage } : {}),
  };
  const leader = { leader: "", startedAt: Date.now(), frameworkId: () => frameworkId?.value };
  registerMarathonApi(app, core, settings, leader);
  const listening = await listen(app, httpAddress, settings.httpPort);
  settings.httpPort = listening.port;
  leader.leader = `${settings.hostname}:${listening.port}`;
  const connection = new FrameworkConnection(core, {
    master: options.master,
    settings: {
      name: settings.frameworkName,
      user: settings.mesosUser,
      role: settings.mesosRole,
      hostname: settings.hostname,
      webuiUrl: `http://${leader.leader}`,
    },
    ...(frameworkId ? { frameworkId } : {}),
    logger,
    onSubscribed: (id) => {
      frameworkId = id;
      storage?.scheduleSave(core, () => frameworkId);
    },
  });
  const health = new HealthMonitor(core);
  const readiness = new ReadinessMonitor(core);
  core.readiness = (appId) => readiness.resultsOf(appId);
  const sync = () => {
    health.sync();
    readiness.sync();
  };
  const ticker = setInterval(() => {
    core.tick();
    sync();
  }, TICK_MS);
  let syncRequested = false;
  core.events.subscribe(() => {
    if (syncRequested) return;
    syncRequested = true;
    setImmediate(() => {
      syncRequested = false;
      sync();
    });
  });
  connection.start();
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${httpAddress}:${listening.port}`,
    port: listening.port,
    core,
    frameworkId: () => frameworkId?.value,
    stop: () =>
      (stopped ??= (async () => {
        clearInterval(ticker);
        health.stop();
        readiness.stop();
        await connection.stop();
        await app.close();
        storage?.saveNow(core, () => frameworkId);
      })()),
  };
}
