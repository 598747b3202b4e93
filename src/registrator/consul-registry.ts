import type { ServiceRegistration } from "./service-registration.js";

/** Where registrator registers: `consul://host:port` (registrator's URI), `http://host:port` or `host:port`. */
export function consulBaseUrl(uri: string): URL {
  const text = uri.replace(/^consul:\/\//, "http://");
  return new URL(/^[a-z]+:\/\//.test(text) ? text : `http://${text}`);
}

const TIMEOUT_MS = 5000;

/** The few agent endpoints registrator calls on Consul. */
export class ConsulRegistry {
  constructor(private readonly base: URL) {}

  async register(service: ServiceRegistration): Promise<void> {
    await this.put("/v1/agent/service/register", JSON.stringify(service));
  }

  /** Deregisters; a service Consul no longer knows counts as removed. */
  async deregister(id: string): Promise<void> {
    await this.put(`/v1/agent/service/deregister/${encodeURIComponent(id)}`, undefined, [404]);
  }

  /** The ids of the agent's services. */
  async serviceIds(): Promise<string[]> {
    const response = await fetch(new URL("/v1/agent/services", this.base), {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`Consul answered ${response.status} to GET /v1/agent/services`);
    return Object.keys((await response.json()) as Record<string, unknown>);
  }

  private async put(path: string, body: string | undefined, alsoOk: number[] = []): Promise<void> {
    const response = await fetch(new URL(path, this.base), {
      method: "PUT",
      ...(body !== undefined ? { body, headers: { "Content-Type": "application/json" } } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok && !alsoOk.includes(response.status))
      throw new Error(`Consul answered ${response.status} to PUT ${path}: ${text}`);
  }
}
