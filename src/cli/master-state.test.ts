import { describe, expect, it } from "vitest";
import { taskPorts, taskRows, type MasterState, type StateTask } from "./master-state.js";

const task = (id: string, state: string, extra: Partial<StateTask> = {}): StateTask => ({
  id,
  name: `${id}-name`,
  framework_id: "fw-1",
  slave_id: "S0",
  state,
  ...extra,
});

const state: MasterState = {
  frameworks: [
    {
      id: "fw-1",
      name: "marathon",
      tasks: [task("web", "TASK_RUNNING", { resources: { ports: "[31000-31001]" } })],
      completed_tasks: [task("old", "TASK_FINISHED")],
    },
  ],
  completed_frameworks: [{ id: "fw-0", name: "gone", completed_tasks: [task("x", "TASK_KILLED")] }],
};

describe("taskPorts", () => {
  it("prefers discovery ports over the ports resources", () => {
    expect(
      taskPorts(
        task("a", "TASK_RUNNING", {
          resources: { ports: "[31000-31000]" },
          discovery: { ports: { ports: [{ number: 8080 }] } },
        }),
      ),
    ).toEqual([8080]);
  });

  it("expands every range of the ports resources", () => {
    expect(
      taskPorts(task("a", "TASK_RUNNING", { resources: { ports: "[31000-31001, 31005-31005]" } })),
    ).toEqual([31000, 31001, 31005]);
    expect(taskPorts(task("a", "TASK_RUNNING"))).toEqual([]);
  });
});

describe("taskRows", () => {
  it("lists the active tasks of registered frameworks by default", () => {
    expect(taskRows(state)).toEqual([
      {
        framework: "marathon",
        frameworkId: "fw-1",
        task: "web-name",
        taskId: "web",
        state: "TASK_RUNNING",
        ports: [31000, 31001],
        agentId: "S0",
      },
    ]);
  });

  it("adds completed tasks and completed frameworks with all", () => {
    expect(taskRows(state, true).map((r) => `${r.framework}/${r.taskId}/${r.state}`)).toEqual([
      "marathon/web/TASK_RUNNING",
      "marathon/old/TASK_FINISHED",
      "gone/x/TASK_KILLED",
    ]);
  });

  it("copes with a state without frameworks", () => {
    expect(taskRows({}, true)).toEqual([]);
  });
});
