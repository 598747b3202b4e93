import { normalizeRanges, parseRanges, subtractRanges } from "../../mesos/ranges.js";
import type { AgentSpecInput } from "../spec/index.js";
import type { MappingContext } from "./mapping-context.js";

interface PlacedAgent {
  agent: AgentSpecInput;
  line: number;
}

/** Agents on one machine cannot share a port: later duplicates move to the next free one. */
function noticeSharedAgentPorts(agents: readonly PlacedAgent[], ctx: MappingContext): void {
  const firstLine = new Map<number, number>();
  for (const { agent, line } of agents) {
    if (agent.port === undefined || agent.port === 0) continue;
    const earlier = firstLine.get(agent.port);
    if (earlier === undefined) firstLine.set(agent.port, line);
    else
      ctx.notice(
        line,
        `agent portNumber ${agent.port} is also used by the agent at line ${earlier}; this agent gets the next free port`,
      );
  }
}

/** Tasks of different agents run on the same machine, so overlapping task port ranges can collide. */
function noticeOverlappingTaskPorts(agents: readonly PlacedAgent[], ctx: MappingContext): void {
  const seen: { line: number; text: string; ranges: ReturnType<typeof parseRanges> }[] = [];
  for (const { agent, line } of agents) {
    const entry = agent.resources?.find((r) => r.name === "ports" && r.role === "*");
    if (!entry) continue;
    const text = String(entry.value);
    const ranges = normalizeRanges(parseRanges(text));
    const clash = seen.find(
      (s) => JSON.stringify(subtractRanges(ranges, s.ranges)) !== JSON.stringify(ranges),
    );
    if (clash)
      ctx.notice(
        line,
        `the agent's task ports ${text} overlap those of the agent at line ${clash.line} (${clash.text}); tasks on the two agents may collide on a port`,
      );
    seen.push({ line, text, ranges });
  }
}

export function noticeAgentPortProblems(agents: readonly PlacedAgent[], ctx: MappingContext): void {
  noticeSharedAgentPorts(agents, ctx);
  noticeOverlappingTaskPorts(agents, ctx);
}
