import { exec } from "node:child_process";
import { connect } from "node:net";
import type { CheckRun, CheckStatus } from "../state/records.js";

export interface ProbeResult {
  status: CheckStatus;
  output: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const OUTPUT_LIMIT = 4 * 1024;

/** An HTTP check: 2xx passing, 429 warning, anything else critical (Consul's rules). */
async function httpProbe(run: CheckRun & { http: string }): Promise<ProbeResult> {
  const method = run.method || "GET";
  const headers: Record<string, string> = {};
  for (const [k, values] of Object.entries(run.header ?? {})) headers[k] = values.join(", ");
  try {
    const response = await fetch(run.http, {
      method,
      headers,
      signal: AbortSignal.timeout(run.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    const body = (await response.text()).slice(0, OUTPUT_LIMIT);
    const output = `HTTP ${method} ${run.http}: ${response.status} ${response.statusText} Output: ${body}`;
    if (response.status >= 200 && response.status < 300) return { status: "passing", output };
    return { status: response.status === 429 ? "warning" : "critical", output };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    return { status: "critical", output: `${method} ${JSON.stringify(run.http)}: ${cause}` };
  }
}

/** A TCP check: passing when a connection opens. */
function tcpProbe(run: CheckRun & { tcp: string }): Promise<ProbeResult> {
  const cut = run.tcp.lastIndexOf(":");
  const host = run.tcp.slice(0, cut).replace(/^\[|\]$/g, "");
  const port = Number(run.tcp.slice(cut + 1));
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: ProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(run.timeoutMs ?? DEFAULT_TIMEOUT_MS, () =>
      done({ status: "critical", output: `dial tcp ${run.tcp}: i/o timeout` }),
    );
    socket.once("connect", () => done({ status: "passing", output: `TCP connect ${run.tcp}: Success` }));
    socket.once("error", (error: NodeJS.ErrnoException) =>
      done({
        status: "critical",
        output: `dial tcp ${run.tcp}: connect: ${error.code === "ECONNREFUSED" ? "connection refused" : error.message}`,
      }),
    );
  });
}

/** A script check: exit 0 passing, 1 warning, anything else critical. */
function scriptProbe(run: CheckRun & { script: string }): Promise<ProbeResult> {
  return new Promise((resolve) => {
    exec(
      run.script,
      { timeout: run.timeoutMs ?? 30_000, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.slice(0, OUTPUT_LIMIT);
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ status: code === 0 ? "passing" : code === 1 ? "warning" : "critical", output });
      },
    );
  });
}

/** Runs a check once (TTL checks are not probed). */
export function probe(run: CheckRun): Promise<ProbeResult> | undefined {
  if (run.http) return httpProbe({ ...run, http: run.http });
  if (run.tcp) return tcpProbe({ ...run, tcp: run.tcp });
  if (run.script) return scriptProbe({ ...run, script: run.script });
  return undefined;
}
