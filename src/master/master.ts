import { randomUUID } from "node:crypto";
import { createHttpApp, listen } from "../common/http-server.js";
import type { Allocator } from "./allocator/allocator.js";
import { createDrfAllocator } from "./allocator/drf-allocator.js";
import { registerAgentLink } from "./agent-link/route.js";
import type { MasterContext } from "./context.js";
import { makeOffer } from "./core/offers.js";
import { registerLegacyEndpoints } from "./endpoints/routes.js";
import { buildMasterInfo } from "./master-info.js";
import { MasterCounters } from "./metrics.js";
import { OperatorEventHub } from "./operator-api/event-hub.js";
import { registerOperatorApi } from "./operator-api/route.js";
import { resolveMasterOptions, type MasterOptions } from "./options.js";
import { registerSchedulerApi } from "./scheduler-api/route.js";
import { AgentRegistry } from "./state/agents.js";
import { FrameworkRegistry } from "./state/frameworks.js";
import { MasterIds } from "./state/ids.js";
import { OfferRegistry } from "./state/offers.js";
import { stopMaster } from "./stop.js";
import { recoverRegistry } from "./core/recovery.js";
import { Registrar } from "./registry/registrar.js";
import { FileRegistryStore } from "./registry/registry-store.js";
import { addLeaderGate } from "./election/leader-gate.js";
import { standaloneLeadership } from "./election/leadership.js";
import { startZkLeadership } from "./election/start-zk-leadership.js";
import type { ZkLeadership } from "./election/zk-leadership.js";

export type { MasterOptions } from "./options.js";

export interface Master {
  /** `http://ip:port` */
  readonly url: string;
  readonly id: string;
  readonly port: number;
  /** Read access to the master's state, for tests. */
  readonly context: MasterContext;
  /**
   * Called when the master must end although nobody stopped it: with --zk, it led and lost its ZooKeeper
   * session (Mesos aborts there). The master has stopped acting as master by then; the owner should stop it
   * and, as a process, exit.
   */
  onFatal(listener: (error: Error) => void): void;
  stop(): Promise<void>;
}

/** Starts a Mesos-compatible master serving the scheduler, operator, agent-link and legacy endpoints. */
export async function startMaster(options: MasterOptions = {}): Promise<Master> {
  const resolved = resolveMasterOptions(options);
  const id = randomUUID();
  const app = createHttpApp(resolved.logger, { bodyLimit: resolved.bodyLimit });
  const bound = { port: resolved.port };
  const contextRef: { current?: MasterContext } = {};
  const allocator: Allocator = (resolved.createAllocator ?? createDrfAllocator)({
    allocationIntervalMs: resolved.allocationIntervalMs,
    onOffer: (offer) => {
      if (contextRef.current) makeOffer(contextRef.current, offer);
    },
    onError: (error) =>
      resolved.logger.error({ err: error }, "allocation failed; offers go on with the next run"),
  });
  const agents = new AgentRegistry();
  // With --zk the registry is read on election, from ZooKeeper.
  const { registrar, recovered } =
    !resolved.zk && resolved.workDir && resolved.registry === "replicated_log"
      ? await Registrar.open(new FileRegistryStore(resolved.workDir), agents, resolved.logger)
      : { registrar: undefined, recovered: undefined };
  const info = buildMasterInfo(id, resolved.ip, bound.port, resolved.hostname);
  const startTime = Date.now() / 1000;
  const ctx: MasterContext = {
    options: resolved,
    logger: resolved.logger,
    info,
    startTime,
    ids: new MasterIds(id),
    frameworks: new FrameworkRegistry(resolved.maxCompletedFrameworks),
    agents,
    offers: new OfferRegistry(),
    allocator,
    operatorEvents: new OperatorEventHub(resolved.heartbeatIntervalSeconds * 1000),
    counters: new MasterCounters(),
    registrar,
    leadership: resolved.zk
      ? { isLeader: false, leader: undefined, electedTime: undefined }
      : standaloneLeadership(info, startTime),
    reregisterTimer: undefined,
    stopping: false,
  };
  contextRef.current = ctx;
  if (recovered) ctx.reregisterTimer = recoverRegistry(ctx, recovered);
  addLeaderGate(app, () => ctx.leadership, id);
  registerSchedulerApi(app, ctx);
  registerAgentLink(app, ctx);
  registerOperatorApi(app, ctx);
  registerLegacyEndpoints(app, ctx);
  let listening;
  try {
    listening = await listen(app, resolved.ip, resolved.port);
  } catch (error) {
    if (ctx.reregisterTimer) clearTimeout(ctx.reregisterTimer);
    allocator.close();
    await app.close();
    throw error;
  }
  // The real port is known only now (port 0 = any free port).
  Object.assign(info, buildMasterInfo(id, resolved.ip, listening.port, resolved.hostname));
  const url = `http://${resolved.ip}:${listening.port}`;
  const fatal: Array<(error: Error) => void> = [];
  let zk: ZkLeadership | undefined;
  if (resolved.zk) {
    try {
      zk = await startZkLeadership(ctx, resolved.zk, (error) => fatal.forEach((listener) => listener(error)));
    } catch (error) {
      await stopMaster(ctx, app);
      throw error;
    }
  }
  let stopped: Promise<void> | undefined;
  return {
    url,
    id,
    port: listening.port,
    context: ctx,
    onFatal: (listener) => void fatal.push(listener),
    stop: () =>
      (stopped ??= stopMaster(ctx, app).finally(() => {
        zk?.stop();
      })),
  };
}
