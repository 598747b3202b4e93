import { probe } from "./http-probe.js";

/** Thrown by a readiness check to end the wait at once: the role exited, or `up` was interrupted. */
export class StopWaiting extends Error {}

/**
 * Polls `check` every `intervalMs` until it returns a value, or fails with `what` after `timeoutMs`.
 * A check that throws StopWaiting ends the wait with that error; other errors count as "not yet".
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof StopWaiting) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function isHealthy(url: string): Promise<true | undefined> {
  const { status } = await probe(`${url}/health`);
  return status >= 200 && status < 300 ? true : undefined;
}

interface SlaveSummary {
  id: string;
  pid: string;
  active: boolean;
}

/** The agent ids the master has registered and active for the given agent pids (`slave(1)@ip:port`). */
export async function activeAgentIds(
  masterUrl: string,
  pids: readonly string[],
): Promise<string[] | undefined> {
  const res = await probe(`${masterUrl}/master/slaves`);
  const body = JSON.parse(res.body) as { slaves?: SlaveSummary[] };
  const ids = pids.map((pid) => body.slaves?.find((s) => s.pid === pid && s.active)?.id);
  return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
}

/** Consul answers `/v1/status/leader` with its leader's address. */
export async function consulReady(consulUrl: string): Promise<true | undefined> {
  const res = await probe(`${consulUrl}/v1/status/leader`);
  return res.status === 200 && /^"[^"]+"$/.test(res.body.trim()) ? true : undefined;
}

/** Marathon answers `/ping` and the master lists it as an active framework. */
export async function marathonReady(marathonUrl: string, masterUrl: string): Promise<true | undefined> {
  if ((await probe(`${marathonUrl}/ping`)).status !== 200) return undefined;
  const res = await probe(`${masterUrl}/master/frameworks`);
  const body = JSON.parse(res.body) as {
    frameworks?: Array<{ name: string; active: boolean; webui_url?: string }>;
  };
  return body.frameworks?.some((f) => f.name === "marathon" && f.active) ? true : undefined;
}

/** Chronos answers `/ping` and the master lists it as an active framework. */
export async function chronosReady(chronosUrl: string, masterUrl: string): Promise<true | undefined> {
  if ((await probe(`${chronosUrl}/ping`)).status !== 200) return undefined;
  const res = await probe(`${masterUrl}/master/frameworks`);
  const body = JSON.parse(res.body) as { frameworks?: Array<{ name: string; active: boolean }> };
  return body.frameworks?.some((f) => f.name === "chronos" && f.active) ? true : undefined;
}
