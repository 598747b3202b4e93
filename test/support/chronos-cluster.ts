import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/common/logger.js";
import { startAgent, type Agent } from "../../src/agent/agent.js";
import { startMaster, type Master } from "../../src/master/master.js";
import { startChronos, type Chronos, type ChronosOptions } from "../../src/chronos/chronos.js";
import { apiCall, type ApiAnswer } from "./marathon-cluster.js";

export interface ChronosCluster {
  master: Master;
  agents: Agent[];
  chronos: Chronos;
  workRoot: string;
  /** Fetches a Chronos path; JSON bodies are sent and parsed. */
  api(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiAnswer>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  job(name: string): Promise<any>;
  restartChronos(options?: Partial<ChronosOptions>): Promise<Chronos>;
  close(): Promise<void>;
}

/** A real master, one agent running real processes, and Chronos, in this process on free ports. */
export async function startChronosCluster(
  options: Partial<ChronosOptions> = {},
  /** The agent's containerizers: real processes (`mesos`, the default) or `simulated` ones. */
  containerizers = "mesos",
): Promise<ChronosCluster> {
  const workRoot = mkdtempSync(join(tmpdir(), "minimesos-chronos-"));
  const master = await startMaster({ port: 0 });
  const agents: Agent[] = [];
  let chronos: Chronos | undefined;
  const close = async () => {
    await chronos?.stop();
    for (const agent of agents) await agent.stop();
    await master.stop();
    rmSync(workRoot, { recursive: true, force: true });
  };
  try {
    const agent = await startAgent({
      master: master.url,
      port: 0,
      workDir: join(workRoot, "agent"),
      resources: "cpus:4;mem:4096;disk:10000;ports:[31000-31999]",
      containerizers,
      logger: silentLogger(),
      reconnectBackoffMaxMs: 100,
    });
    agents.push(agent);
    await agent.registered();
    let chronosOptions: ChronosOptions = { master: master.url, httpPort: 0, failureRetryMs: 200, ...options };
    chronos = await startChronos(chronosOptions);
    const api: ChronosCluster["api"] = (path, init) => apiCall((chronos as Chronos).url, path, init);
    return {
      master,
      agents,
      get chronos() {
        return chronos as Chronos;
      },
      workRoot,
      api,
      job: async (name) => (await api(`/v1/scheduler/job/${name}`)).json,
      async restartChronos(extra = {}) {
        await chronos?.stop();
        chronosOptions = { ...chronosOptions, ...extra };
        chronos = await startChronos(chronosOptions);
        return chronos;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
