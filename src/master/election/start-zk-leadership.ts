import type { MasterContext } from "../context.js";
import { recoverRegistry } from "../core/recovery.js";
import type { MasterZkOptions } from "../options.js";
import { Registrar } from "../registry/registrar.js";
import { ZkRegistryStore } from "../registry/zk-registry-store.js";
import { ZkLeadership } from "./zk-leadership.js";

const DEFAULT_SESSION_TIMEOUT_MS = 10_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;

/**
 * Makes a listening master contend in ZooKeeper (its MasterInfo carries the bound port by now). On election
 * it reads the registry from `<path>/registry` and recovers exactly as after a restart, then leads. When it
 * must end, its registry store is closed first, so a deposed leader never overwrites its successor's registry.
 */
export async function startZkLeadership(
  ctx: MasterContext,
  zk: MasterZkOptions,
  onFatal: (error: Error) => void,
): Promise<ZkLeadership> {
  const sessionTimeoutMs = zk.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
  let store: ZkRegistryStore | undefined;
  const leadership = new ZkLeadership({
    zk: zk.zk,
    quorum: zk.quorum,
    info: ctx.info,
    sessionTimeoutMs,
    logger: ctx.logger,
    onElected: async () => {
      if (ctx.options.registry !== "replicated_log") return;
      store = new ZkRegistryStore(zk.zk, sessionTimeoutMs);
      const { registrar, recovered } = await Registrar.open(store, ctx.agents, ctx.logger);
      ctx.registrar = registrar;
      if (recovered) ctx.reregisterTimer = recoverRegistry(ctx, recovered);
    },
    onFatal: (error) => {
      store?.fence();
      ctx.logger.error({ err: error }, error.message);
      onFatal(error);
    },
  });
  ctx.leadership = leadership;
  try {
    await leadership.start(zk.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  } catch (error) {
    leadership.stop();
    throw error;
  }
  return leadership;
}
