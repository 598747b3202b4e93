import type { AgentInfo } from "../../mesos/agent-info.js";
import type { AgentRegistry } from "../state/agents.js";

/**
 * What the master keeps across restarts, as Mesos's registrar keeps its Registry: the agents it admitted,
 * those marked unreachable (with the time) and those marked gone. Frameworks and tasks are not in it: the
 * agents report them when they re-register.
 */
export interface RegistryState {
  version: 1;
  admitted: AgentInfo[];
  unreachable: Array<{ id: string; info: AgentInfo; time: number }>;
  gone: Array<AgentInfo & { id: { value: string } }>;
}

/** The registry as the agent book has it now; recovered agents stay admitted until they time out. */
export function registrySnapshot(agents: AgentRegistry): RegistryState {
  return {
    version: 1,
    admitted: [
      ...agents.all().map((a) => a.info),
      ...agents.recovered.values(),
      ...agents.admitting.values(),
    ],
    unreachable: [...agents.unreachable].map(([id, { info, time }]) => ({ id, info, time })),
    gone: [...agents.gone].map(([id, info]) => ({ ...info, id: { value: id } })),
  };
}

export class CorruptRegistryError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const hasAgentId = (v: unknown): v is AgentInfo & { id: { value: string } } =>
  isObject(v) && isObject(v.id) && typeof v.id.value === "string" && typeof v.hostname === "string";

/** Checks a registry read from disk; anything else is refused rather than half-used. */
export function parseRegistry(text: string, where: string): RegistryState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CorruptRegistryError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const ok =
    isObject(value) &&
    value.version === 1 &&
    Array.isArray(value.admitted) &&
    value.admitted.every(hasAgentId) &&
    Array.isArray(value.unreachable) &&
    value.unreachable.every(
      (u) => isObject(u) && typeof u.id === "string" && typeof u.time === "number" && hasAgentId(u.info),
    ) &&
    Array.isArray(value.gone) &&
    value.gone.every(hasAgentId);
  if (!ok) throw new CorruptRegistryError(`${where} is not a minimesos master registry (version 1)`);
  return value as unknown as RegistryState;
}
