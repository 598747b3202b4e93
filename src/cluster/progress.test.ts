import { describe, expect, it } from "vitest";
import { createProgress } from "./progress.js";

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  let written = "";
  return {
    isTTY,
    write: (chunk: string) => ((written += chunk), true),
    text: () => written,
  } as unknown as NodeJS.WriteStream & { text: () => string };
}

describe("progress of up", () => {
  it("prints plain lines when not on a terminal", async () => {
    const stream = fakeStream(false);
    await createProgress({ stream, env: {} }).step("Starting master", async () => undefined);
    expect(stream.text()).toMatch(/^Starting master \.\.\.\nStarting master: done \(\d+ ms\)\n$/);
  });

  it("ends each step in a coloured ✓ or ✗ on a terminal", async () => {
    const stream = fakeStream(true);
    const progress = createProgress({ stream, env: { TERM: "xterm" } });
    await progress.step("Starting master", async () => undefined);
    await expect(progress.step("Waiting for agents", () => Promise.reject(new Error("no")))).rejects.toThrow(
      "no",
    );
    expect(stream.text()).toMatch(
      /^ \u001b\[32m✓\u001b\[0m Starting master \(\d+ ms\)\n \u001b\[31m✗\u001b\[0m Waiting for agents\n$/,
    );
  });

  it("keeps ✓ and ✗ but drops colour under NO_COLOR", async () => {
    const stream = fakeStream(true);
    await createProgress({ stream, env: { NO_COLOR: "1", TERM: "xterm" } }).step(
      "Starting master",
      async () => 1,
    );
    expect(stream.text()).toMatch(/^ ✓ Starting master \(\d+ ms\)\n$/);
  });
});
