import { describe, expect, it } from "vitest";
import { appendStatus, type TaskStatus } from "./task.js";

const status = (state: TaskStatus["state"], healthy?: boolean): TaskStatus => ({
  task_id: { value: "t" },
  state,
  ...(healthy === undefined ? {} : { healthy }),
});

describe("a task's status history", () => {
  it("keeps one status per run of the same state, the latest", () => {
    const statuses: TaskStatus[] = [];
    appendStatus(statuses, status("TASK_STARTING"));
    for (let i = 0; i < 1000; i++) appendStatus(statuses, status("TASK_RUNNING", i % 2 === 0));
    appendStatus(statuses, status("TASK_KILLED"));
    expect(statuses.map((s) => [s.state, s.healthy])).toEqual([
      ["TASK_STARTING", undefined],
      ["TASK_RUNNING", false],
      ["TASK_KILLED", undefined],
    ]);
  });
});
