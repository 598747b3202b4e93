import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/common/logger.js";
import { startAgent, type Agent } from "../../src/agent/agent.js";
import { startMaster, type Master, type MasterOptions } from "../../src/master/master.js";
import { startMarathon, type Marathon, type MarathonOptions } from "../../src/marathon/marathon.js";

/** A JSON call to a role's REST API: bodies are sent as JSON and answers parsed when they are JSON. */
export async function apiCall(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const response = await fetch(base + path, {
    method: init.method ?? "GET",
    headers: {
      ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined
      ? { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }
      : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

export interface MarathonCluster {
  master: Master;
  agents: Agent[];
  marathon: Marathon;
  workRoot: string;
  /** Fetches a Marathon path; JSON bodies are sent and parsed. */
  api(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiAnswer>;
  /** The master's /master/state. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  masterState(): Promise<any>;
  restartMarathon(options?: Partial<MarathonOptions>): Promise<Marathon>;
  close(): Promise<void>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
}

export interface ClusterOptions {
  agents?: Array<{ resources?: string; attributes?: string; hostname?: string }>;
  containerizer?: "simulated" | "mesos";
  marathon?: Partial<MarathonOptions>;
  master?: Partial<MasterOptions>;
}

/** A real master, agents and Marathon in this process, on free ports, in a fresh temp directory. */
export async function startMarathonCluster(options: ClusterOptions = {}): Promise<MarathonCluster> {
  const workRoot = mkdtempSync(join(tmpdir(), "minimesos-marathon-"));
  const master = await startMaster({ port: 0, ...options.master });
  const agents: Agent[] = [];
  let marathon: Marathon | undefined;
  const close = async () => {
    await marathon?.stop();
    for (const agent of agents) await agent.stop();
    await master.stop();
    rmSync(workRoot, { recursive: true, force: true });
  };
  try {
    const specs = options.agents ?? [{}];
    for (const [i, spec] of specs.entries()) {
      const agent = await startAgent({
        master: master.url,
        port: 0,
        workDir: join(workRoot, `agent-${i}`),
        resources: spec.resources ?? "cpus:4;mem:4096;disk:10000;ports:[31000-31999]",
        ...(spec.attributes ? { attributes: spec.attributes } : {}),
        ...(spec.hostname ? { hostname: spec.hostname } : {}),
        containerizers: options.containerizer ?? "simulated",
        logger: silentLogger(),
        reconnectBackoffMaxMs: 100,
      });
      agents.push(agent);
      await agent.registered();
    }
    const marathonOptions = { master: master.url, httpPort: 0, ...options.marathon };
    marathon = await startMarathon(marathonOptions);
    const cluster: MarathonCluster = {
      master,
      agents,
      get marathon() {
        return marathon as Marathon;
      },
      workRoot,
      api: (path, init) => apiCall((marathon as Marathon).url, path, init),
      masterState: async () => (await fetch(`${master.url}/master/state`)).json(),
      async restartMarathon(extra = {}) {
        await marathon?.stop();
        marathon = await startMarathon({ ...marathonOptions, ...extra });
        return marathon;
      },
      close,
    };
    return cluster;
  } catch (error) {
    await close();
    throw error;
  }
}

/** Polls until `check` returns something truthy; fails after `ms`. */
export async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
