import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../common/logger.js";
import { startAgent, type Agent } from "../agent.js";
import type { AgentOptions } from "../options.js";
import { FakeMaster, type FakeMasterOptions } from "./fake-master.js";

export interface AgentFixture {
  master: FakeMaster;
  agent: Agent;
  workDir: string;
  cleanup(): Promise<void>;
}

/** A fake master plus an agent registered with it, on free ports, in a fresh work_dir. */
export async function startAgentFixture(
  agentOptions: Partial<AgentOptions> = {},
  masterOptions: FakeMasterOptions = {},
): Promise<AgentFixture> {
  const master = await FakeMaster.start(masterOptions);
  const workDir = agentOptions.workDir ?? mkdtempSync(join(tmpdir(), "agent-test-"));
  let agent: Agent;
  try {
    agent = await startAgent({
      master: `127.0.0.1:${master.port}`,
      port: 0,
      workDir,
      resources: "cpus:4;mem:4096;disk:10000;ports:[31000-32000]",
      logger: silentLogger(),
      reconnectBackoffMaxMs: 100,
      ...agentOptions,
    });
    await agent.registered();
  } catch (error) {
    await master.stop();
    throw error;
  }
  return {
    master,
    agent,
    workDir,
    async cleanup() {
      await agent.stop();
      await master.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
