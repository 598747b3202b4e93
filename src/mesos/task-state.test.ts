import { describe, expect, it } from "vitest";
import { isTerminalState, stateForFramework } from "./task-state.js";

describe("task states", () => {
  it("knows which states are terminal", () => {
    expect(isTerminalState("TASK_FINISHED")).toBe(true);
    expect(isTerminalState("TASK_GONE_BY_OPERATOR")).toBe(true);
    expect(isTerminalState("TASK_RUNNING")).toBe(false);
    expect(isTerminalState("TASK_UNREACHABLE")).toBe(false);
  });

  it("reports TASK_LOST to frameworks that are not partition-aware", () => {
    expect(stateForFramework("TASK_UNREACHABLE", false)).toBe("TASK_LOST");
    expect(stateForFramework("TASK_UNREACHABLE", true)).toBe("TASK_UNREACHABLE");
    expect(stateForFramework("TASK_RUNNING", false)).toBe("TASK_RUNNING");
  });
});
