import type { ID } from "../mesos/ids.js";
import type { TaskStatus } from "../mesos/task.js";

export interface StatusUpdateSender {
  /** Sends one update to the master; true when the master took it (the ack still has to come). */
  (frameworkId: ID, status: TaskStatus, latestState: TaskStatus["state"]): Promise<boolean>;
}

interface Stream {
  frameworkId: ID;
  pending: TaskStatus[];
  latestState: TaskStatus["state"];
  timer: NodeJS.Timeout | undefined;
  retryMs: number;
}

const MAX_RETRY_MS = 10 * 60 * 1000;

/**
 * One ordered stream of updates per task, as the Mesos agent keeps them: only the head is in flight; it is
 * resent (first after `retryMs`, doubling up to 10 minutes) until the master relays the framework's
 * ACKNOWLEDGE, then the next one goes out.
 */
export class StatusUpdateManager {
  private readonly streams = new Map<string, Stream>();
  private paused = true;

  constructor(
    private readonly send: StatusUpdateSender,
    private readonly retryMs: number,
    private readonly onAcknowledged: (frameworkId: ID, status: TaskStatus) => void = () => undefined,
  ) {}

  enqueue(frameworkId: ID, status: TaskStatus): void {
    const key = streamKey(frameworkId.value, status.task_id.value);
    let stream = this.streams.get(key);
    if (!stream) {
      stream = {
        frameworkId,
        pending: [],
        latestState: status.state,
        timer: undefined,
        retryMs: this.retryMs,
      };
      this.streams.set(key, stream);
    }
    stream.pending.push(status);
    stream.latestState = status.state;
    if (stream.pending.length === 1) this.forward(stream);
  }

  /** The framework acknowledged `uuid`; true when it matched the head of that task's stream. */
  acknowledge(frameworkId: ID, taskId: ID, uuid: string): boolean {
    const key = streamKey(frameworkId.value, taskId.value);
    const stream = this.streams.get(key);
    const head = stream?.pending[0];
    if (!stream || !head || head.uuid !== uuid) return false;
    stream.pending.shift();
    clearTimeout(stream.timer);
    stream.timer = undefined;
    stream.retryMs = this.retryMs;
    if (stream.pending.length === 0) this.streams.delete(key);
    else this.forward(stream);
    this.onAcknowledged(frameworkId, head);
    return true;
  }

  /** Stops sending while the master is unreachable; `resume` resends every head at once. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const stream of this.streams.values()) {
      stream.retryMs = this.retryMs;
      this.forward(stream);
    }
  }

  /** Forgets the streams of a framework that is gone. */
  dropFramework(frameworkId: ID): void {
    for (const [key, stream] of this.streams)
      if (stream.frameworkId.value === frameworkId.value) {
        clearTimeout(stream.timer);
        this.streams.delete(key);
      }
  }

  /** Updates not yet acknowledged, oldest first, for a task. */
  unacknowledged(frameworkId: ID, taskId: ID): TaskStatus[] {
    return [...(this.streams.get(streamKey(frameworkId.value, taskId.value))?.pending ?? [])];
  }

  get size(): number {
    return this.streams.size;
  }

  stop(): void {
    this.paused = true;
    for (const stream of this.streams.values()) clearTimeout(stream.timer);
    this.streams.clear();
  }

  private forward(stream: Stream): void {
    clearTimeout(stream.timer);
    const head = stream.pending[0];
    if (!head) return;
    stream.timer = setTimeout(() => {
      stream.retryMs = Math.min(stream.retryMs * 2, MAX_RETRY_MS);
      this.forward(stream);
    }, stream.retryMs);
    stream.timer.unref();
    if (!this.paused) void this.send(stream.frameworkId, head, stream.latestState);
  }
}

const streamKey = (frameworkId: string, taskId: string): string => `${frameworkId}\u0000${taskId}`;
