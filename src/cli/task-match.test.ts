import { describe, expect, it } from "vitest";
import { CliError, ExitCode } from "./exit-codes.js";
import type { MasterState, StateTask } from "./master-state.js";
import { findTask, matchTasks } from "./task-match.js";

const task = (id: string, state = "TASK_RUNNING"): StateTask => ({
  id,
  name: id,
  framework_id: "fw",
  slave_id: "S0",
  state,
});

const state: MasterState = {
  frameworks: [
    {
      id: "fw",
      name: "f",
      tasks: [task("web.1"), task("web.12")],
      completed_tasks: [task("job-a", "TASK_FINISHED")],
    },
  ],
  completed_frameworks: [{ id: "fw0", name: "g", completed_tasks: [task("batch-7", "TASK_FAILED")] }],
};

function errorOf(fn: () => unknown): CliError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliError) return error;
  }
  throw new Error("expected a CliError");
}

describe("matchTasks / findTask", () => {
  it("finds active and completed tasks by id substring", () => {
    expect(findTask(state, "job").taskId).toBe("job-a");
    expect(findTask(state, "batch").state).toBe("TASK_FAILED");
  });

  it("lets an exact id win over longer ids containing it", () => {
    expect(matchTasks(state, "web.1").map((t) => t.taskId)).toEqual(["web.1"]);
  });

  it("reports an unknown task with exit code 1", () => {
    const error = errorOf(() => findTask(state, "nope"));
    expect(error.message).toBe("Cannot find task: 'nope'");
    expect(error.code).toBe(ExitCode.failure);
  });

  it("lists the matches of an ambiguous substring with exit code 2", () => {
    const error = errorOf(() => findTask(state, "web"));
    expect(error.code).toBe(ExitCode.usage);
    expect(error.message).toContain("web.1 (f, TASK_RUNNING)");
    expect(error.message).toContain("web.12");
  });
});
