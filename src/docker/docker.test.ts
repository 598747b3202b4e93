import { afterAll, expect, it } from "vitest";
import { describeDocker, removeTestRunObjects, testRunLabels } from "../../test/support/docker.js";
import { dockerClient, engineAvailable } from "./client.js";
import { removeLabelled } from "./cleanup.js";
import { ensureTestImage, TEST_IMAGE } from "./test-image.js";

describeDocker("the Docker client module", () => {
  afterAll(async () => {
    await removeTestRunObjects();
  });

  it("answers a ping", async () => {
    expect(await engineAvailable()).toBe(true);
  });

  it("builds the busybox test image once and runs its applets", async () => {
    const [first, second] = await Promise.all([ensureTestImage(), ensureTestImage()]);
    expect(first).toBe(TEST_IMAGE);
    expect(second).toBe(TEST_IMAGE);
    const docker = dockerClient();
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ["sh", "-c", "echo hello from $(cat /etc/passwd | head -n 1 | cut -d: -f1); which httpd nc sleep"],
      Labels: testRunLabels(),
    });
    await container.start();
    expect((await container.wait()).StatusCode).toBe(0);
    const logs = (await container.logs({ stdout: true, stderr: true })).toString("latin1");
    expect(logs).toContain("hello from root");
    expect(logs).toContain("/bin/httpd");
    expect(logs).toContain("/bin/nc");
    await container.remove({ force: true });
  });

  it("removes labelled containers", async () => {
    const docker = dockerClient();
    const labels = { ...testRunLabels(), "minimesos.test.case": "cleanup" };
    await docker.createContainer({ Image: TEST_IMAGE, Cmd: ["true"], Labels: labels });
    expect(await removeLabelled(labels)).toBe(1);
    expect(await removeLabelled(labels)).toBe(0);
  });
});
