import { request } from "node:https";
import { connect } from "node:net";

export interface ProbeOutcome {
  alive: boolean;
  cause?: string;
}

const verdict = (status: number, statusText = ""): ProbeOutcome =>
  status >= 200 && status < 400 ? { alive: true } : { alive: false, cause: `${status} ${statusText}`.trim() };

/** Marathon's HTTP(S) check: a status from 200 to 399 within the timeout passes. */
export async function probeHttp(url: string, timeoutMs: number): Promise<ProbeOutcome> {
  if (url.startsWith("https:")) return probeHttps(url, timeoutMs);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
    await res.arrayBuffer().catch(() => undefined);
    return verdict(res.status, res.statusText);
  } catch (error) {
    return { alive: false, cause: (error as Error).message };
  }
}

/** Like Marathon, an HTTPS check trusts any certificate: tasks commonly serve self-signed ones. */
function probeHttps(url: string, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const req = request(url, { rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.once("end", () => resolve(verdict(res.statusCode ?? 0, res.statusMessage)));
      res.once("error", (error) => resolve({ alive: false, cause: error.message }));
    });
    req.once("timeout", () => req.destroy(new Error("Request timed out")));
    req.once("error", (error) => resolve({ alive: false, cause: error.message }));
    req.end();
  });
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
