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
    const esc = "\u001b";
    const lines = stream.text().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^ ${esc}\\[32m✓${esc}\\[0m Starting master \\(\\d+ ms\\)$`));
    expect(lines[1]).toBe(` ${esc}[31m✗${esc}[0m Waiting for agents`);
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
