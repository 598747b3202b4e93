import { describe, expect, it } from "vitest";
import type { OperatorAgent } from "../mesos/operator-events.js";
import type { Task } from "../mesos/task.js";
import { fromInspect } from "./docker-inspect.js";
import { taskPorts } from "./task-ports.js";
import { agentIp, taskViewOf } from "./task-view.js";

const agent = {
  agent_info: { hostname: "agent-host", id: { value: "a1" } },
  active: true,
  pid: "slave(1)@10.0.0.2:5051",
} as OperatorAgent;

const task = (over: Partial<Task> = {}): Task => ({
  name: "app.group",
  task_id: { value: "group_app.1" },
  framework_id: { value: "f1" },
  agent_id: { value: "a1" },
  state: "TASK_RUNNING",
  resources: [{ name: "ports", type: "RANGES", ranges: { range: [{ begin: 31000, end: 31001 }] } }],
  statuses: [
    {
      task_id: { value: "group_app.1" },
      state: "TASK_RUNNING",
      container_status: {
        network_infos: [{ ip_addresses: [{ ip_address: "172.17.0.9" }] }],
        executor_pid: 42,
      },
    },
  ],
  labels: { labels: [{ key: "SERVICE_TAGS", value: "x" }] },
  ...over,
});

describe("a task as registrator sees it", () => {
  it("takes ports from the resources, names from DiscoveryInfo and container ports from Docker mappings", () => {
    const ports = taskPorts(
      task({
        discovery: {
          name: "app.group",
          ports: {
            ports: [
              { number: 31000, name: "http", protocol: "tcp" },
              { number: 31001, protocol: "udp" },
            ],
          },
        },
        container: { type: "DOCKER", docker: { port_mappings: [{ host_port: 31000, container_port: 80 }] } },
      }),
    );
    expect(ports).toEqual([
      { hostPort: 31000, exposedPort: 80, protocol: "tcp", name: "http" },
      { hostPort: 31001, exposedPort: 31001, protocol: "udp" },
    ]);
  });

  it("finds the agent's IP in its PID, the task's in its RUNNING status, and reads env by the task's pid", () => {
    expect(agentIp(agent)).toBe("10.0.0.2");
    expect(agentIp({ ...agent, pid: undefined } as OperatorAgent)).toBe("agent-host");
    const pids: Array<number | undefined> = [];
    const view = taskViewOf(task(), agent, (pid) => (pids.push(pid), { SERVICE_NAME: "env" }));
    expect(view).toMatchObject({
      taskId: "group_app.1",
      name: "app.group",
      hostIp: "10.0.0.2",
      taskIp: "172.17.0.9",
      metadata: [{ SERVICE_NAME: "env" }, {}, {}, { SERVICE_TAGS: "x" }],
    });
    expect(pids).toEqual([42]);
    expect(taskViewOf(task({ state: "TASK_STAGING" }), agent, () => ({}))).toBeUndefined();
    const container = fromInspect({
      Config: { Env: ["SERVICE_NAME=front", "PATH=/bin"], Labels: { SERVICE_TAGS: "docker" } },
      NetworkSettings: { IPAddress: "", Networks: { bridge: { IPAddress: "172.17.0.4" } } },
    });
    expect(taskViewOf(task(), agent, () => ({ FROM_PROC: "1" }), container)).toMatchObject({
      taskIp: "172.17.0.4",
      metadata: [
        {},
        { SERVICE_NAME: "front", PATH: "/bin" },
        { SERVICE_TAGS: "docker" },
        { SERVICE_TAGS: "x" },
      ],
    });
    expect(taskViewOf(task(), undefined, () => ({}))).toBeUndefined();
  });
});
