import { userInfo } from "node:os";
import { createHttpApp, listen } from "../common/http-server.js";
import { silentLogger, type Logger } from "../common/logger.js";
import type { RunningRole } from "../common/role.js";
import type { ID } from "../mesos/ids.js";
import { ChronosCore } from "./core/chronos-core.js";
import { evaluate } from "./core/due-loop.js";
import { ChronosConnection } from "./framework/connection.js";
import { registerChronosApi } from "./http/register.js";
import { ChronosStorage } from "./state/storage.js";

export interface ChronosOptions {
  /** `host:port` or `http://host:port` of the Mesos master (several separated by commas). */
  master: string;
  /** Where to listen; default 127.0.0.1. */
  httpAddress?: string;
  /** Default 4400; 0 picks any free port. */
  httpPort?: number;
  hostname?: string;
  frameworkName?: string;
  mesosRole?: string;
  /** The user jobs run as unless they name a `runAsUser` (Chronos's `--user`). */
  user?: string;
  taskCpu?: number;
  taskMem?: number;
  taskDisk?: number;
  taskEpsilonSeconds?: number;
  disableAfterFailures?: number;
  failureRetryMs?: number;
  failoverTimeoutSeconds?: number;
  checkpoint?: boolean;
  principal?: string;
  webuiUrl?: string;
  /** Accepted for compatibility with the Chronos images (CHRONOS_ZK_HOSTS); state is not kept in ZooKeeper. */
  zkHosts?: string;
  /** A directory that keeps jobs, counters, schedules and the framework id across restarts. */
  storage?: string;
  /** How long before a slot offers are asked for and held (default 250 ms). */
  holdMs?: number;
  logger?: Logger;
}

export interface Chronos extends RunningRole {
  readonly port: number;
  readonly core: ChronosCore;
  /** The framework id, once the master subscribed Chronos. */
  frameworkId(): string | undefined;
}

/** Starts a Chronos-compatible job scheduler: its REST API, and a framework on the given master. */
export async function startChronos(options: ChronosOptions): Promise<Chronos> {
  const logger = options.logger ?? silentLogger();
  const httpAddress = options.httpAddress ?? "127.0.0.1";
  const storage = options.storage ? new ChronosStorage(options.storage, logger) : undefined;
  let frameworkId: ID | undefined;
  const save = () => storage?.scheduleSave(core, () => frameworkId);
  const core = new ChronosCore({
    logger,
    defaults: {
      cpus: options.taskCpu ?? 0.1,
      mem: options.taskMem ?? 128,
      disk: options.taskDisk ?? 256,
      user: options.user ?? userInfo().username,
      epsilonSeconds: options.taskEpsilonSeconds ?? 60,
    },
    mesosRole: options.mesosRole ?? "*",
    disableAfterFailures: options.disableAfterFailures ?? 0,
    failureRetryMs: options.failureRetryMs ?? 60_000,
    onChange: save,
    onLaunch: () => storage?.saveNow(core, () => frameworkId),
    ...(options.holdMs !== undefined ? { holdMs: options.holdMs } : {}),
  });
  core.setEvaluator(() => evaluate(core));
  frameworkId = storage?.load(core).frameworkId;
  if (options.zkHosts)
    logger.info(
      { zkHosts: options.zkHosts },
      "zk_hosts is accepted but not used: state lives in memory or --storage",
    );
  const app = createHttpApp(logger);
  let leader = "";
  registerChronosApi(app, core, () => leader);
  const listening = await listen(app, httpAddress, options.httpPort ?? 4400);
  const hostname = options.hostname ?? httpAddress;
  leader = `${hostname}:${listening.port}`;
  const connection = new ChronosConnection(core, {
    master: options.master.includes(",") ? options.master.split(",").map((m) => m.trim()) : options.master,
    settings: {
      name: options.frameworkName ?? "chronos",
      user: options.user ?? userInfo().username,
      role: options.mesosRole ?? "*",
      hostname,
      webuiUrl: options.webuiUrl ?? `http://${leader}`,
      failoverTimeoutSeconds: options.failoverTimeoutSeconds ?? 604_800,
      checkpoint: options.checkpoint ?? true,
      ...(options.principal ? { principal: options.principal } : {}),
    },
    ...(frameworkId ? { frameworkId } : {}),
    logger,
    onSubscribed: (id) => {
      frameworkId = id;
      save();
    },
  });
  connection.start();
  evaluate(core);
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${httpAddress}:${listening.port}`,
    port: listening.port,
    core,
    frameworkId: () => frameworkId?.value,
    stop: () =>
      (stopped ??= (async () => {
        core.stop();
        await connection.stop();
        await app.close();
        storage?.saveNow(core, () => frameworkId);
      })()),
  };
}
