import type { FastifyInstance } from "fastify";
import type { MasterContext } from "./context.js";
import { detachConnection } from "./core/frameworks.js";

/** Ends every stream and timer, then closes the server: nothing of the master keeps running. */
export async function stopMaster(ctx: MasterContext, app: FastifyInstance): Promise<void> {
  ctx.stopping = true;
  ctx.allocator.close();
  if (ctx.reregisterTimer) clearTimeout(ctx.reregisterTimer);
  for (const offer of ctx.offers.all()) ctx.offers.take(offer.offer.id.value);
  for (const framework of [...ctx.frameworks.all(), ...ctx.frameworks.completed.values()]) {
    framework.failoverTimer?.cancel();
    framework.failoverTimer = undefined;
    detachConnection(framework);
  }
  for (const agent of ctx.agents.all()) {
    if (agent.pingTimer) clearInterval(agent.pingTimer);
    if (agent.unreachableTimer) clearTimeout(agent.unreachableTimer);
    agent.pingTimer = undefined;
    agent.unreachableTimer = undefined;
    agent.stream?.close();
  }
  ctx.operatorEvents.closeAll();
  await app.close();
  await ctx.registrar?.close();
}
