import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../common/logger.js";
import { startAgent, type Agent } from "../../agent/agent.js";

/** A real agent (mesos containerizer) registered with the master at `masterUrl`, in a fresh work_dir. */
export async function startRealAgent(
  masterUrl: string,
): Promise<{ agent: Agent; stop: () => Promise<void> }> {
  const workDir = mkdtempSync(join(tmpdir(), "master-real-agent-"));
  const agent = await startAgent({
    master: masterUrl,
    port: 0,
    workDir,
    resources: "cpus:4;mem:4096;disk:1000;ports:[31000-31100]",
    logger: silentLogger(),
  });
  const stop = async () => {
    await agent.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await agent.registered();
  } catch (error) {
    await stop();
    throw error;
  }
  return { agent, stop };
}
