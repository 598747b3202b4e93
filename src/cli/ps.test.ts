import { describe, expect, it } from "vitest";
import { renderTasks } from "./ps.js";
import { renderStatus } from "./status.js";

describe("renderTasks", () => {
  it("shows the first port, and nothing for a task without ports", () => {
    const base = { framework: "fw", frameworkId: "f", taskId: "t", state: "TASK_RUNNING", agentId: "S0" };
    const lines = renderTasks([
      { ...base, task: "web", ports: [31000, 31001] },
      { ...base, task: "batch", ports: [] },
    ]).split("\n");
    expect(lines[1]).toMatch(/^fw\s+web\s+TASK_RUNNING\s+31000$/);
    expect(lines[2]).toMatch(/^fw\s+batch\s+TASK_RUNNING$/);
  });
});

describe("renderStatus", () => {
  it("shows each role with yes/no for running and healthy", () => {
    const text = renderStatus({
      clusterId: "1",
      healthy: false,
      roles: [
        {
          name: "agent-1",
          role: "agent",
          url: "http://127.0.0.1:5051",
          pid: 42,
          running: true,
          healthy: false,
        },
      ],
    });
    expect(text.split("\n")[1]).toMatch(/^agent-1\s+http:\/\/127\.0\.0\.1:5051\s+42\s+yes\s+no$/);
  });
});
