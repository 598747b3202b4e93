import type { FastifyReply } from "fastify";
import { RecordIOStream } from "../../common/http-server.js";
import type { AgentLinkCall } from "../../mesos/agent-link-protocol.js";
import type { MasterContext } from "../context.js";
import { agentDisconnected, emitAgentAdded } from "../core/agents.js";
import type { AgentRecord } from "../state/agent-record.js";
import { recoverAgentFrameworks, shutDownRemovedFrameworks } from "../core/recovery.js";
import { reconcileAgentTasks, usedOnAgent } from "./reconcile-agent.js";

type Registration = NonNullable<AgentLinkCall["register"]>;

function newRecord(id: string, reg: Registration, stream: RecordIOStream): AgentRecord {
  return {
    id,
    info: { ...reg.agent_info, id: { value: id } },
    pid: reg.pid,
    version: reg.version,
    capabilities: reg.capabilities,
    total: reg.agent_info.resources,
    stream,
    active: true,
    registeredTime: Date.now() / 1000,
    reregisteredTime: undefined,
    pingTimer: undefined,
    unreachableTimer: undefined,
  };
}

function refresh(agent: AgentRecord, reg: Registration, stream: RecordIOStream): void {
  const old = agent.stream;
  agent.stream = stream;
  old?.close();
  agent.info = { ...reg.agent_info, id: { value: agent.id } };
  agent.pid = reg.pid;
  agent.version = reg.version;
  agent.capabilities = reg.capabilities;
  agent.total = reg.agent_info.resources;
  agent.active = true;
  agent.reregisteredTime = Date.now() / 1000;
  if (agent.unreachableTimer) clearTimeout(agent.unreachableTimer);
  agent.unreachableTimer = undefined;
}

/**
 * REGISTER: a new agent gets `<masterId>-S<n>`; a known id is restored and its tasks reconciled. As Mesos's
 * registrar does, an agent the master has not registered is first admitted to the registry (on disk), and
 * only then registered, offered and told REGISTERED.
 */
export async function handleRegister(
  ctx: MasterContext,
  call: AgentLinkCall,
  reply: FastifyReply,
): Promise<void> {
  const reg = call.register as Registration;
  const requestedId = call.agent_id?.value ?? reg.agent_info.id?.value;
  const stream = RecordIOStream.open(reply);
  if (requestedId !== undefined && ctx.agents.gone.has(requestedId)) {
    stream.send({ type: "SHUTDOWN", shutdown: { message: "Agent has been marked gone" } });
    stream.close();
    return;
  }
  let agent = requestedId === undefined ? undefined : ctx.agents.get(requestedId);
  if (agent) {
    if (agent.unreachableTimer) ctx.counters.slaveUnreachableCanceled++;
    refresh(agent, reg, stream);
    ctx.agents.updated();
    ctx.counters.slaveReregistrations++;
    recoverAgentFrameworks(ctx, agent.id, reg);
    reconcileAgentTasks(ctx, agent.id, reg.tasks);
    ctx.allocator.updateAgent(agent.id, agent.total);
    ctx.allocator.setAgentActive(agent.id, true);
  } else {
    const id = requestedId ?? ctx.ids.nextAgentId();
    if (ctx.registrar) {
      ctx.agents.admit({ ...reg.agent_info, id: { value: id } });
      await ctx.registrar.flush();
      if (stream.isClosed || ctx.stopping || ctx.agents.get(id)) return ctx.agents.cancelAdmission(id);
    }
    agent = newRecord(id, reg, stream);
    if (requestedId !== undefined) {
      agent.reregisteredTime = agent.registeredTime;
      ctx.counters.slaveReregistrations++;
    } else ctx.counters.slaveRegistrations++;
    ctx.agents.add(agent);
    recoverAgentFrameworks(ctx, id, reg);
    reconcileAgentTasks(ctx, id, reg.tasks);
    ctx.allocator.addAgent({
      agentId: id,
      hostname: agent.info.hostname,
      total: agent.total,
      attributes: agent.info.attributes ?? [],
      used: usedOnAgent(ctx, id).filter((u) => u.resources.length > 0),
    });
    emitAgentAdded(ctx, agent);
  }
  const registered = agent;
  stream.send({
    type: "REGISTERED",
    registered: {
      agent_id: { value: registered.id },
      master_info: ctx.info,
      ping_interval_seconds: ctx.options.agentPingTimeoutMs / 1000,
    },
  });
  shutDownRemovedFrameworks(ctx, registered.id, reg);
  if (registered.pingTimer) clearInterval(registered.pingTimer);
  registered.pingTimer = setInterval(() => stream.send({ type: "PING" }), ctx.options.agentPingTimeoutMs);
  stream.onClose(() => {
    if (registered.stream === stream) agentDisconnected(ctx, registered);
  });
}
