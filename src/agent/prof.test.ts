import { it } from "vitest";
import { commandTask, TEST_FRAMEWORK } from "./testing/fake-master.js";
import { startAgentFixture } from "./testing/agent-fixture.js";
it("prof", async () => {
  const fixture = await startAgentFixture({ containerizers: "simulated" });
  const { master } = fixture;
  const t0 = Date.now();
  for (let i = 0; i < 300; i++) master.runTask(TEST_FRAMEWORK, commandTask(`t${i}`, "run=forever"));
  const count = (st: string) => new Set(master.updates().filter((s) => s.state === st).map((s) => s.task_id.value)).size;
  const lines: string[] = [];
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 200));
    lines.push(`${Date.now() - t0} ${count("TASK_STARTING")} ${count("TASK_RUNNING")} ${master.calls.length}`);
    if (count("TASK_RUNNING") === 300) break;
  }
  process.stderr.write("LAT\n" + lines.join("\n") + "\n");
  await fixture.cleanup();
}, 60000);
