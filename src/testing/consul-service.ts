import { getJson } from "./http-json.js";
import type { Observation } from "./wait.js";

/** One entry of Consul's `/v1/health/service/<name>`: an instance with its node and checks. */
export interface ConsulServiceEntry {
  Node: { Node: string; Address: string; [field: string]: unknown };
  Service: {
    ID: string;
    Service: string;
    Tags: string[];
    Address: string;
    Port: number;
    [field: string]: unknown;
  };
  Checks: Array<{ CheckID: string; Status: string; Output: string; [field: string]: unknown }>;
}

/** A look at a Consul service: its passing instances once there are exactly `count`. */
export async function observeConsulService(
  consulUrl: string,
  name: string,
  count: number,
): Promise<Observation<ConsulServiceEntry[]>> {
  const entries = await getJson<ConsulServiceEntry[]>(
    `${consulUrl}/v1/health/service/${encodeURIComponent(name)}?passing`,
  );
  if (entries.length === count) return { value: entries };
  return { seen: `${entries.length} passing instance(s)` };
}
