import type { MasterContext } from "../context.js";
import { BUILD_INFO } from "../build-info.js";
import { legacyAgent, legacyRecoveredAgent } from "./legacy-agent.js";
import { legacyFramework } from "./legacy-framework.js";

/** `leader_info` of the leading master (this one, or another with --zk); undefined while none is known. */
export function leaderInfo(ctx: MasterContext): Record<string, unknown> | undefined {
  const leader = ctx.leadership.leader;
  if (!leader) return undefined;
  const { id, pid, port, hostname } = leader;
  return { id, pid, port, hostname };
}

/** `/master/state` */
export function legacyState(ctx: MasterContext): Record<string, unknown> {
  const agents = ctx.agents.all();
  const out: Record<string, unknown> = {
    ...BUILD_INFO,
    start_time: ctx.startTime,
    elected_time: ctx.leadership.electedTime,
    id: ctx.info.id,
    pid: ctx.info.pid,
    hostname: ctx.info.hostname,
    capabilities: ctx.info.capabilities.map((c) => c.type),
    activated_slaves: agents.filter((a) => a.active).length,
    deactivated_slaves: agents.filter((a) => !a.active).length,
    unreachable_slaves: ctx.agents.unreachable.size,
    leader: ctx.leadership.leader?.pid,
    leader_info: leaderInfo(ctx),
  };
  if (ctx.options.cluster) out.cluster = ctx.options.cluster;
  if (ctx.options.logDir) out.log_dir = ctx.options.logDir;
  out.flags = ctx.options.flags;
  out.slaves = agents.map((a) => legacyAgent(ctx, a));
  out.recovered_slaves = [...ctx.agents.recovered.values()].map(legacyRecoveredAgent);
  out.frameworks = ctx.frameworks.all().map((f) => legacyFramework(ctx, f));
  out.completed_frameworks = ctx.frameworks.completed.values().map((f) => legacyFramework(ctx, f));
  out.orphan_tasks = [];
  out.unregistered_frameworks = [];
  return out;
}
