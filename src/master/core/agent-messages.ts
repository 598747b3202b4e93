import type { AgentLinkEvent } from "../../mesos/agent-link-protocol.js";
import type { MasterContext } from "../context.js";

/** Sends an event on an agent's link stream; false when the agent is unknown or disconnected. */
export function sendToAgent(ctx: MasterContext, agentId: string, event: AgentLinkEvent): boolean {
  const agent = ctx.agents.get(agentId);
  if (!agent?.stream || agent.stream.isClosed) {
    ctx.counters.droppedMessages++;
    return false;
  }
  return agent.stream.send(event);
}
