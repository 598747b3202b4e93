import { existsSync, readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MesosCluster } from "../src/testing/index.js";

const dir = mkdtempSync(join(tmpdir(), "minimesos-chronos-lib-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Chronos in the test library", () => {
  it("starts with `chronos: {}`, serves at chronosUrl and waits for a job's next success", async () => {
    await using cluster = await new MesosCluster({ chronos: {} }).start();
    expect(cluster.chronosUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const frameworks = (await cluster.masterState()).frameworks.map((f) => f.name);
    expect(frameworks).toContain("chronos");
    const file = join(dir, "lib.txt");
    const start = new Date(Date.now() + 500).toISOString();
    const posted = await fetch(`${cluster.chronosUrl}/v1/scheduler/iso8601`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "lib", command: `echo run >> ${file}`, schedule: `R2/${start}/PT1S` }),
    });
    expect(posted.status).toBe(204);
    const first = await cluster.waitForChronosSuccess("lib");
    expect(first.successCount).toBe(1);
    const second = await cluster.waitForChronosSuccess("lib");
    expect(second.successCount).toBe(2);
    expect(existsSync(file) && readFileSync(file, "utf8")).toBe("run\nrun\n");
  });

  it("reads the minimesosFile's chronos block, ignoring its image with a notice", async () => {
    const text = `minimesos {\n  chronos {\n    imageName = "mesosphere/chronos"\n    imageTag = "v3.0.2"\n  }\n}\n`;
    await using cluster = await MesosCluster.fromText(text).start();
    expect(cluster.notices.join("\n")).toMatch(/imageName/);
    expect(cluster.notices.join("\n")).not.toMatch(/not yet available/);
    const ping = await fetch(`${cluster.chronosUrl}/ping`);
    expect(await ping.text()).toBe("pong");
  });
});
