import { CliError, ExitCode } from "./exit-codes.js";
import { getJson } from "./http-get.js";

export interface AgentSummary {
  id: string;
  pid: string;
  hostname?: string;
  port?: number;
  active?: boolean;
}

/** An agent's base URL from its libprocess pid, `slave(1)@127.0.0.1:5051` -> `http://127.0.0.1:5051`. */
export function agentUrlFromPid(pid: string): string | undefined {
  const at = pid.lastIndexOf("@");
  return at < 0 ? undefined : `http://${pid.slice(at + 1)}`;
}

/** The agents matching `idOrPrefix`: the exact id when one has it, otherwise every id starting with it. */
export function matchAgents(agents: readonly AgentSummary[], idOrPrefix: string): AgentSummary[] {
  const exact = agents.filter((a) => a.id === idOrPrefix);
  return exact.length > 0 ? exact : agents.filter((a) => a.id.startsWith(idOrPrefix));
}

export function cannotFindAgent(id: string): CliError {
  return new CliError(
    `Cannot find agent: '${id}'`,
    ExitCode.failure,
    "List the agents with 'minimesos state | jq \".slaves[].id\"'.",
  );
}

/** The one agent registered with the master whose id is or starts with `idOrPrefix`, with its URL. */
export async function findAgent(
  masterUrl: string,
  idOrPrefix: string,
): Promise<AgentSummary & { url: string }> {
  const { slaves = [] } = await getJson<{ slaves?: AgentSummary[] }>(`${masterUrl}/master/slaves`);
  const matches = matchAgents(slaves, idOrPrefix);
  if (matches.length > 1)
    throw new CliError(
      `Agent id '${idOrPrefix}' is ambiguous; it matches:\n${matches.map((a) => `  ${a.id}`).join("\n")}`,
      ExitCode.usage,
      "Give more of the id.",
    );
  const agent = matches[0];
  const url = agent && agentUrlFromPid(agent.pid);
  if (!agent || !url) throw cannotFindAgent(idOrPrefix);
  return { ...agent, url };
}
