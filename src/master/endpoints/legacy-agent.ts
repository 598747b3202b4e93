import type { AgentInfo } from "../../mesos/agent-info.js";
import { flattenAttributes } from "../../mesos/attributes.js";
import { summarizeReserved, summarizeResources, unreservedOf } from "../../mesos/resource-text.js";
import { reservationRole, type Resource } from "../../mesos/resource.js";
import type { MasterContext } from "../context.js";
import type { AgentRecord } from "../state/agent-record.js";
import { agentOffered, agentUsed } from "../state/usage.js";

/** An agent the master recovered from its registry, as `recovered_slaves` shows it (SlaveInfo's JSON). */
export function legacyRecoveredAgent(info: AgentInfo): Record<string, unknown> {
  return {
    id: info.id?.value ?? "",
    hostname: info.hostname,
    port: info.port ?? 5051,
    attributes: flattenAttributes(info.attributes ?? []),
    resources: summarizeResources(info.resources),
  };
}

/** An agent as `/master/state`, `/master/slaves` and `/master/state-summary` show it. */
export function legacyAgent(ctx: MasterContext, agent: AgentRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: agent.id,
    hostname: agent.info.hostname,
    port: agent.info.port ?? 5051,
    attributes: flattenAttributes(agent.info.attributes ?? []),
  };
  if (agent.info.domain) out.domain = agent.info.domain;
  out.pid = agent.pid;
  out.registered_time = agent.registeredTime;
  if (agent.reregisteredTime !== undefined) out.reregistered_time = agent.reregisteredTime;
  out.resources = summarizeResources(agent.total);
  out.used_resources = summarizeResources(agentUsed(ctx, agent.id));
  out.offered_resources = summarizeResources(agentOffered(ctx, agent.id));
  out.reserved_resources = summarizeReserved(agent.total);
  out.unreserved_resources = summarizeResources(unreservedOf(agent.total));
  out.active = agent.active;
  out.deactivated = false;
  out.version = agent.version;
  out.capabilities = agent.capabilities.map((c) => c.type);
  return out;
}

/** The `/master/slaves` extras: full Resource JSON next to the summaries. */
export function legacyAgentFull(ctx: MasterContext, agent: AgentRecord): Record<string, unknown> {
  const reserved: Record<string, Resource[]> = {};
  for (const r of agent.total) {
    const role = reservationRole(r);
    if (role !== "*") (reserved[role] ??= []).push(r);
  }
  return {
    ...legacyAgent(ctx, agent),
    reserved_resources_full: reserved,
    unreserved_resources_full: unreservedOf(agent.total),
    used_resources_full: agentUsed(ctx, agent.id),
    offered_resources_full: agentOffered(ctx, agent.id),
  };
}
