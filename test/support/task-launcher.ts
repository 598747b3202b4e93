import { SchedulerClient, type Offer, type Resource, type TaskState } from "../../src/mesos/index.js";

export interface TaskToLaunch {
  id: string;
  name: string;
  command: string;
}

const scalar = (name: string, value: number): Resource => ({ name, type: "SCALAR", scalar: { value } });

function firstPort(offer: Offer): number | undefined {
  return offer.resources.find((r) => r.name === "ports")?.ranges?.range[0]?.begin;
}

/**
 * A framework on the cluster that launches the given tasks, one per offer it gets, each with one port of
 * the offer, and records every state each task reaches. `close()` ends the framework; with its failover
 * timeout (0 unless given) the master then removes it and kills what still runs.
 */
export class TaskLauncher {
  private readonly states = new Map<string, TaskState[]>();
  private readonly pending: TaskToLaunch[];

  private constructor(
    readonly client: SchedulerClient,
    tasks: TaskToLaunch[],
  ) {
    this.pending = [...tasks];
    client.on("UPDATE", (event) => {
      const { task_id, state } = event.update.status;
      this.states.set(task_id.value, [...(this.states.get(task_id.value) ?? []), state]);
    });
    client.on("OFFERS", (event) => void this.useOffers(event.offers.offers));
  }

  static async start(
    master: string,
    frameworkName: string,
    tasks: TaskToLaunch[],
    failoverTimeoutSeconds = 0,
  ): Promise<TaskLauncher> {
    const client = new SchedulerClient({
      master,
      frameworkInfo: { user: "root", name: frameworkName, failover_timeout: failoverTimeoutSeconds },
      autoAcknowledge: true,
    });
    const launcher = new TaskLauncher(client, tasks);
    await client.subscribe();
    return launcher;
  }

  private async useOffers(offers: Offer[]): Promise<void> {
    for (const offer of offers) {
      const task = this.pending.shift();
      if (!task) {
        await this.client.decline(offer.id).catch(() => undefined);
        continue;
      }
      const port = firstPort(offer);
      const resources = [scalar("cpus", 0.1), scalar("mem", 32)];
      if (port !== undefined)
        resources.push({ name: "ports", type: "RANGES", ranges: { range: [{ begin: port, end: port }] } });
      await this.client.launch(offer.id, [
        {
          name: task.name,
          task_id: { value: task.id },
          agent_id: offer.agent_id,
          resources,
          command: { value: task.command },
        },
      ]);
    }
  }

  statesOf(taskId: string): TaskState[] {
    return this.states.get(taskId) ?? [];
  }

  /** Resolves once `taskId` reached `state`; rejects after `timeoutMs` with the states seen. */
  async waitForState(taskId: string, state: TaskState, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.statesOf(taskId).includes(state)) {
      if (Date.now() > deadline)
        throw new Error(`task ${taskId} did not reach ${state}; states: ${this.statesOf(taskId).join(", ")}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
