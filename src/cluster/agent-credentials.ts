import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StateDir } from "./state-dir.js";

export const AGENT_PRINCIPAL = "minimesos-agent";

/**
 * Each cluster's agents authenticate to its master with a secret of its own (Mesos's
 * `--authenticate_agents`): the master's `--credentials` file and the agents' `--credential` file, readable
 * by their owner only, in the state dir.
 */
export function writeAgentCredentials(state: StateDir): { credentials: string; credential: string } {
  state.create();
  const credential = { principal: AGENT_PRINCIPAL, secret: randomBytes(24).toString("base64url") };
  const paths = {
    credentials: join(state.path, "master-credentials.json"),
    credential: join(state.path, "agent-credential.json"),
  };
  writeFileSync(paths.credentials, JSON.stringify({ credentials: [credential] }), { mode: 0o600 });
  writeFileSync(paths.credential, JSON.stringify(credential), { mode: 0o600 });
  return paths;
}
