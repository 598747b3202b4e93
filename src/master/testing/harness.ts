import { startMaster, type Master, type MasterOptions } from "../master.js";
import { FakeAgent, type FakeAgentOptions } from "./fake-agent.js";
import { TestScheduler } from "./scheduler.js";
import type { FrameworkInfo } from "../../mesos/framework.js";

/** A real listening master plus the fake agents and schedulers a test opened; `close` ends them all. */
export class MasterHarness {
  private readonly closers: Array<() => void> = [];

  private constructor(readonly master: Master) {}

  static async start(options: MasterOptions = {}): Promise<MasterHarness> {
    return new MasterHarness(await startMaster({ port: 0, ...options }));
  }

  get url(): string {
    return this.master.url;
  }

  async agent(options: FakeAgentOptions = {}): Promise<FakeAgent> {
    const agent = await FakeAgent.register(this.url, options);
    this.closers.push(() => agent.close());
    return agent;
  }

  async scheduler(info: Partial<FrameworkInfo> = {}): Promise<TestScheduler> {
    const scheduler = await TestScheduler.subscribe(this.url, info);
    this.closers.push(() => scheduler.close());
    return scheduler;
  }

  async get(path: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(this.url + path);
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  async close(): Promise<void> {
    for (const close of this.closers.splice(0)) close();
    await this.master.stop();
  }
}

export const launchCall = (
  offer: { id: unknown; agent_id: unknown },
  tasks: Array<Record<string, unknown>>,
) => ({
  accept: {
    offer_ids: [offer.id],
    operations: [
      { type: "LAUNCH", launch: { task_infos: tasks.map((t) => ({ agent_id: offer.agent_id, ...t })) } },
    ],
  },
});

export const smallTask = (id: string, cpus = 0.5, mem = 128) => ({
  name: id,
  task_id: { value: id },
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: cpus } },
    { name: "mem", type: "SCALAR", scalar: { value: mem } },
  ],
  command: { shell: true, value: "sleep 10" },
});
