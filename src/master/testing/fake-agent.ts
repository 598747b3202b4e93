import { AGENT_LINK_PATH, type AgentLinkCall } from "../../mesos/agent-link-protocol.js";
import type { Attribute } from "../../mesos/attributes.js";
import type { Resource } from "../../mesos/resource.js";
import type { Task } from "../../mesos/task.js";
import { EventStream, postJson } from "./event-stream.js";

export const agentResources = (cpus = 4, mem = 4096): Resource[] => [
  { name: "cpus", type: "SCALAR", scalar: { value: cpus }, role: "*" },
  { name: "mem", type: "SCALAR", scalar: { value: mem }, role: "*" },
  { name: "disk", type: "SCALAR", scalar: { value: 10_000 }, role: "*" },
  { name: "ports", type: "RANGES", ranges: { range: [{ begin: 31000, end: 32000 }] }, role: "*" },
];

export interface FakeAgentOptions {
  hostname?: string;
  port?: number;
  resources?: Resource[];
  attributes?: Attribute[];
  agentId?: string;
  tasks?: Task[];
}

/** An agent that speaks the link protocol over HTTP and records what the master tells it (test support). */
export class FakeAgent {
  private constructor(
    readonly masterUrl: string,
    readonly stream: EventStream,
    readonly agentId: string,
  ) {}

  static async register(masterUrl: string, options: FakeAgentOptions = {}): Promise<FakeAgent> {
    const hostname = options.hostname ?? "127.0.0.1";
    const port = options.port ?? 5051;
    const call: AgentLinkCall = {
      type: "REGISTER",
      ...(options.agentId ? { agent_id: { value: options.agentId } } : {}),
      register: {
        agent_info: {
          hostname,
          port,
          resources: options.resources ?? agentResources(),
          attributes: options.attributes ?? [],
        },
        pid: `slave(1)@${hostname}:${port}`,
        version: "1.11.0",
        capabilities: [{ type: "MULTI_ROLE" }],
        ...(options.tasks ? { tasks: options.tasks } : {}),
      },
    };
    const stream = await EventStream.open(masterUrl + AGENT_LINK_PATH, call);
    const first = await stream.next();
    if (first.type !== "REGISTERED") return new FakeAgent(masterUrl, stream, "");
    const registered = first.registered as { agent_id: { value: string } };
    return new FakeAgent(masterUrl, stream, registered.agent_id.value);
  }

  send(call: Omit<AgentLinkCall, "agent_id">) {
    return postJson(this.masterUrl + AGENT_LINK_PATH, { ...call, agent_id: { value: this.agentId } });
  }

  /** Sends a status update for a task, as the agent's status-update manager would. */
  statusUpdate(frameworkId: string, taskId: string, state: string, uuid?: string) {
    return this.send({
      type: "STATUS_UPDATE",
      status_update: {
        framework_id: { value: frameworkId },
        status: {
          task_id: { value: taskId },
          state: state as Task["state"],
          source: "SOURCE_EXECUTOR",
          agent_id: { value: this.agentId },
          timestamp: Date.now() / 1000,
          ...(uuid ? { uuid } : {}),
        },
      },
    });
  }

  close(): void {
    this.stream.close();
  }
}
