import type { RecordIOStream } from "../../common/http-server.js";
import type { LongTimer } from "../../common/long-timer.js";
import { frameworkRoles, hasCapability, type FrameworkInfo } from "../../mesos/framework.js";
import type { ExecutorInfo, Task } from "../../mesos/task.js";
import { CappedList } from "./capped-list.js";

export interface SchedulerConnection {
  stream: RecordIOStream;
  streamId: string;
  heartbeat: NodeJS.Timeout;
}

/** One framework as the master knows it: its info, connection, tasks, executors and offers. */
export class FrameworkRecord {
  connection: SchedulerConnection | undefined;
  active = false;
  registeredTime: number;
  reregisteredTime: number | undefined;
  unregisteredTime: number | undefined;
  failoverTimer: LongTimer | undefined;
  /** Known from an agent's re-registration after a master restart; not subscribed since. */
  recovered = false;
  suppressedRoles = new Set<string>();
  offerConstraints: unknown;
  readonly tasks = new Map<string, Task>();
  readonly unreachableTasks: CappedList<Task>;
  readonly completedTasks: CappedList<Task>;
  readonly offerIds = new Set<string>();
  /** agentId -> executorId -> executor */
  readonly executors = new Map<string, Map<string, ExecutorInfo>>();

  constructor(
    public info: FrameworkInfo & { id: { value: string } },
    now: number,
    caps: { completedTasks: number; unreachableTasks: number },
  ) {
    this.registeredTime = now;
    this.completedTasks = new CappedList(caps.completedTasks);
    this.unreachableTasks = new CappedList(caps.unreachableTasks);
  }

  get id(): string {
    return this.info.id.value;
  }

  get connected(): boolean {
    return this.connection !== undefined;
  }

  get roles(): string[] {
    return frameworkRoles(this.info);
  }

  get partitionAware(): boolean {
    return hasCapability(this.info, "PARTITION_AWARE");
  }

  get multiRole(): boolean {
    return hasCapability(this.info, "MULTI_ROLE");
  }

  executorsOn(agentId: string): Map<string, ExecutorInfo> {
    let map = this.executors.get(agentId);
    if (!map) {
      map = new Map();
      this.executors.set(agentId, map);
    }
    return map;
  }

  tasksOn(agentId: string): Task[] {
    return [...this.tasks.values()].filter((t) => t.agent_id.value === agentId);
  }
}
