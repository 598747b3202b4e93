import type { FastifyInstance } from "fastify";
import { bodyText, createHttpApp, listen, RecordIOStream } from "../../common/http-server.js";
import { silentLogger } from "../../common/logger.js";
import { AGENT_LINK_PATH, type AgentLinkCall, type AgentLinkEvent } from "../../mesos/agent-link-protocol.js";
import type { FrameworkInfo } from "../../mesos/framework.js";
import type { TaskInfo, TaskStatus } from "../../mesos/task.js";

export interface FakeMasterOptions {
  /** Acknowledge every status update at once (default true). */
  autoAcknowledge?: boolean;
  port?: number;
}

/**
 * A stand-in master for agent tests: serves the internal agent link, records every call, and lets the
 * test push events (RUN_TASK, KILL_TASK, ...) down the agent's stream.
 */
export class FakeMaster {
  readonly calls: AgentLinkCall[] = [];
  autoAcknowledge: boolean;
  private stream: RecordIOStream | undefined;
  private nextAgent = 0;
  private app: FastifyInstance | undefined;
  url = "";
  port = 0;

  constructor(options: FakeMasterOptions = {}) {
    this.autoAcknowledge = options.autoAcknowledge ?? true;
  }

  static async start(options: FakeMasterOptions = {}): Promise<FakeMaster> {
    const master = new FakeMaster(options);
    await master.listen(options.port ?? 0);
    return master;
  }

  async listen(port: number): Promise<void> {
    const app = createHttpApp(silentLogger());
    app.post(AGENT_LINK_PATH, (request, reply) => {
      const call = JSON.parse(bodyText(request)) as AgentLinkCall;
      this.calls.push(call);
      if (call.type === "REGISTER") {
        const stream = RecordIOStream.open(reply);
        this.stream = stream;
        const agentId = call.agent_id?.value ?? `fake-master-S${this.nextAgent++}`;
        stream.send({
          type: "REGISTERED",
          registered: {
            agent_id: { value: agentId },
            master_info: {
              id: "fake-master",
              ip: 16777343,
              port: this.port,
              pid: `master@127.0.0.1:${this.port}`,
              hostname: "localhost",
              version: "1.11.0",
              address: { hostname: "localhost", ip: "127.0.0.1", port: this.port },
              capabilities: [],
            },
            ping_interval_seconds: 15,
          },
        } satisfies AgentLinkEvent);
        return reply;
      }
      if (call.type === "STATUS_UPDATE" && this.autoAcknowledge && call.status_update) {
        const { framework_id, status } = call.status_update;
        setImmediate(() => this.acknowledge(framework_id.value, status));
      }
      return reply.code(202).send("");
    });
    this.app = app;
    const bound = await listen(app, "127.0.0.1", port);
    this.port = bound.port;
    this.url = `http://127.0.0.1:${bound.port}`;
  }

  send(event: AgentLinkEvent): void {
    if (!this.stream) throw new Error("no agent is connected");
    this.stream.send(event);
  }

  acknowledge(frameworkId: string, status: TaskStatus): void {
    if (status.uuid)
      this.stream?.send({
        type: "ACKNOWLEDGE",
        acknowledge: { framework_id: { value: frameworkId }, task_id: status.task_id, uuid: status.uuid },
      });
  }

  runTask(framework: FrameworkInfo, task: TaskInfo): void {
    this.send({ type: "RUN_TASK", run_task: { framework, task } });
  }

  get registrations(): AgentLinkCall[] {
    return this.calls.filter((c) => c.type === "REGISTER");
  }

  /** Every status update received for a task, in order (retries included). */
  updates(taskId?: string): TaskStatus[] {
    return this.calls
      .filter((c) => c.type === "STATUS_UPDATE")
      .map((c) => c.status_update?.status as TaskStatus)
      .filter((s) => taskId === undefined || s.task_id.value === taskId);
  }

  /** Distinct states received for a task, in order (retries collapsed by uuid). */
  states(taskId: string): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const s of this.updates(taskId)) {
      if (seen.has(s.uuid ?? "")) continue;
      seen.add(s.uuid ?? "");
      out.push(s.state);
    }
    return out;
  }

  async waitFor<T>(
    probe: () => T | undefined | false | Promise<T | undefined | false>,
    timeoutMs = 10_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  waitForState(taskId: string, state: string, timeoutMs?: number): Promise<TaskStatus> {
    return this.waitFor(() => this.updates(taskId).find((s) => s.state === state), timeoutMs);
  }

  /** Closes the agent's stream, as a master that restarts or drops the agent would. */
  dropStream(): void {
    this.stream?.close();
    this.stream = undefined;
  }

  async stop(): Promise<void> {
    this.stream?.close();
    await this.app?.close();
  }
}

export const TEST_FRAMEWORK: FrameworkInfo = {
  user: "tester",
  name: "agent-test",
  id: { value: "fw-0000" },
};

export const commandTask = (id: string, value: string, extra: Partial<TaskInfo> = {}): TaskInfo => ({
  name: id,
  task_id: { value: id },
  agent_id: { value: "" },
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
    { name: "mem", type: "SCALAR", scalar: { value: 32 } },
  ],
  command: { shell: true, value },
  ...extra,
});
