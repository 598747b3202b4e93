import { describe, expect, it } from "vitest";
import { executorDirectory, sandboxFileUrl, type AgentState } from "./sandbox.js";

const state: AgentState = {
  id: "S0",
  frameworks: [
    {
      id: "fw-1",
      executors: [
        { id: "e-run", directory: "/w/run", tasks: [{ id: "running" }], queued_tasks: [{ id: "queued" }] },
      ],
      completed_executors: [
        { id: "e-old", directory: "/w/old", completed_tasks: [{ id: "done" }] },
        { id: "e-again", directory: "/w/again-old", completed_tasks: [{ id: "running" }] },
      ],
    },
  ],
  completed_frameworks: [
    {
      id: "fw-0",
      completed_executors: [{ id: "e", directory: "/w/fw0", completed_tasks: [{ id: "done" }] }],
    },
  ],
};

describe("executorDirectory", () => {
  it("finds running, queued and completed tasks", () => {
    expect(executorDirectory(state, "fw-1", "queued")).toBe("/w/run");
    expect(executorDirectory(state, "fw-1", "done")).toBe("/w/old");
  });

  it("prefers the running executor over an older run of the same task id", () => {
    expect(executorDirectory(state, "fw-1", "running")).toBe("/w/run");
  });

  it("looks in completed frameworks and keeps frameworks apart", () => {
    expect(executorDirectory(state, "fw-0", "done")).toBe("/w/fw0");
    expect(executorDirectory(state, "fw-0", "queued")).toBeUndefined();
    expect(executorDirectory(state, "fw-9", "done")).toBeUndefined();
  });
});

describe("sandboxFileUrl", () => {
  it("encodes the path as the query", () => {
    expect(sandboxFileUrl("http://127.0.0.1:5051", "/w/a b", "stdout")).toBe(
      "http://127.0.0.1:5051/files/download?path=%2Fw%2Fa%20b%2Fstdout",
    );
  });
});
