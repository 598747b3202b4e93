import { randomUUID } from "node:crypto";
import { describe } from "vitest";
import { engineAddress, engineAvailable } from "../../src/docker/client.js";
import { LABELS } from "../../src/docker/labels.js";
import { removeLabelled } from "../../src/docker/cleanup.js";

/** Whether the Docker tests of this file run: asked once, before any `describe` is declared. */
const available = await engineAvailable(3000);
const inCi = process.env.CI === "true" || process.env.CI === "1";

if (!available && inCi)
  throw new Error(
    `CI=${process.env.CI}: no Docker engine answers at ${engineAddress()}; Docker tests must run in CI`,
  );
if (!available)
  console.warn(
    `[docker] SKIPPED: no Docker engine answers at ${engineAddress()} (set CI=true to fail instead)`,
  );

/**
 * `describe` for tests that need a real Docker engine. Without one they are skipped with a visible
 * message, except in CI (CI=true), where the file fails.
 */
export const describeDocker: typeof describe = (available ? describe : describe.skip) as typeof describe;

/** A label value unique to this test process; every container, network and volume a test makes carries it. */
export const testRunId = `t-${randomUUID().slice(0, 8)}`;

export const testRunLabels = (): Record<string, string> => ({ [LABELS.testRun]: testRunId });

/** Removes everything this test run labelled. */
export function removeTestRunObjects(): Promise<number> {
  return removeLabelled(testRunLabels());
}
