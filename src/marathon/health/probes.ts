import { connect } from "node:net";

export interface ProbeOutcome {
  alive: boolean;
  cause?: string;
}

/** Marathon's HTTP(S) check: a status from 200 to 399 within the timeout passes (1xx ignored when asked). */
export async function probeHttp(url: string, timeoutMs: number): Promise<ProbeOutcome> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
    await res.arrayBuffer().catch(() => undefined);
    return res.status >= 200 && res.status < 400
      ? { alive: true }
      : { alive: false, cause: `${res.status} ${res.statusText}`.trim() };
  } catch (error) {
    return { alive: false, cause: (error as Error).message };
  }
}

/** Marathon's TCP check: passes once the port accepts a connection. */
export function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (outcome: ProbeOutcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done({ alive: false, cause: "Connection timed out" }));
    socket.once("connect", () => done({ alive: true }));
    socket.once("error", (error) => done({ alive: false, cause: error.message }));
  });
}
