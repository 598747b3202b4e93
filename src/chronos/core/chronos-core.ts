import type { Logger } from "../../common/logger.js";
import { LongTimer } from "../../common/long-timer.js";
import type { SchedulerDriver } from "../../marathon/framework/driver.js";
import type { JobDefaults } from "../model/job-parse.js";
import type { Job } from "../model/job.js";
import { Histogram } from "../state/histogram.js";
import { JobGraph } from "../state/job-graph.js";
import { RunningTasks } from "../state/running-tasks.js";
import { TaskHistory } from "../state/task-history.js";
import { TaskQueue } from "../state/task-queue.js";
import { currentState } from "./job-state.js";
import { OfferBook } from "./offer-book.js";
import { ScheduleCache } from "./schedule-cache.js";

export interface CoreOptions {
  logger: Logger;
  defaults: JobDefaults;
  /** The framework's Mesos role: offers' resources reserved for it may be used. */
  mesosRole: string;
  /** `--disable_after_failures`: disable a job after this many failures in a row (0 = never). */
  disableAfterFailures: number;
  /** `--failure_retry`: how long after a failure its retry is queued. */
  failureRetryMs: number;
  /** After every change worth persisting. */
  onChange?: () => void;
  /** After tasks were launched (their slots are used up): persist now. */
  onLaunch?: () => void;
  /** How long before a slot offers are asked for and held (default 250 ms). */
  holdMs?: number;
}

/** Chronos's state: the job graph, the task queue, running tasks, history and the timers around them. */
export class ChronosCore {
  readonly graph = new JobGraph();
  readonly queue = new TaskQueue();
  readonly running = new RunningTasks();
  readonly history = new TaskHistory();
  readonly runTimes = new Map<string, Histogram>();
  readonly outcomes = { success: new Map<string, number>(), failure: new Map<string, number>() };
  readonly offers = new OfferBook();
  readonly schedules = new ScheduleCache();
  driver: SchedulerDriver | undefined;
  /** The next time the due loop wakes up (for tests and metrics). */
  wakeAt: number | undefined;
  /** The next slot of any scheduled job. */
  nextDue: number | undefined;
  /** How long before a slot offers are asked for and held. */
  readonly holdMs: number;
  readonly offerState = { suppressed: false, declined: false, lastReviveMs: 0 };
  private timer: LongTimer | undefined;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private evaluateRequested = false;
  private evaluator: () => void = () => undefined;
  stopped = false;

  constructor(readonly options: CoreOptions) {
    this.holdMs = options.holdMs ?? 250;
  }

  get logger(): Logger {
    return this.options.logger;
  }

  /** The due loop (set by the scheduler module, which needs the core). */
  setEvaluator(evaluate: () => void): void {
    this.evaluator = evaluate;
  }

  /** Runs the due loop soon, once for a burst of changes. */
  requestEvaluate(): void {
    if (this.evaluateRequested || this.stopped) return;
    this.evaluateRequested = true;
    setImmediate(() => {
      this.evaluateRequested = false;
      if (!this.stopped) this.evaluator();
    });
  }

  /** Wakes the due loop at `at` (one timer for the earliest due time, never polling). */
  wakeUpAt(at: number | undefined): void {
    if (at === this.wakeAt && this.timer) return;
    this.timer?.cancel();
    this.timer = undefined;
    this.wakeAt = at;
    if (at === undefined || this.stopped) return;
    this.timer = new LongTimer(Math.max(0, at - Date.now()), () => {
      this.timer = undefined;
      this.wakeAt = undefined;
      this.evaluator();
    });
  }

  put(job: Job): void {
    this.graph.put(job);
    this.changed();
  }

  /** Queues a task unless its job already has one queued; the due loop runs soon to launch it (not when it queued it itself). */
  enqueue(taskId: string, highPriority: boolean, fromDueLoop = false): void {
    if (this.queue.enqueue(taskId, highPriority) && !fromDueLoop) this.requestEvaluate();
  }

  /** Queues `taskId` after `delayMs` (a retry), unless Chronos stops first. */
  enqueueLater(taskId: string, highPriority: boolean, delayMs: number): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.enqueue(taskId, highPriority);
    }, delayMs);
    this.retryTimers.add(timer);
  }

  currentState(name: string): string {
    return currentState(this.running.ofJob(name).length, this.queue.has(name));
  }

  runTimesOf(name: string): Histogram {
    let h = this.runTimes.get(name);
    if (!h) this.runTimes.set(name, (h = new Histogram()));
    return h;
  }

  count(outcome: "success" | "failure", name: string): void {
    const counts = this.outcomes[outcome];
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }

  /** Kills the job's running tasks and drops its queued one. */
  killTasks(name: string): void {
    this.queue.remove(name);
    for (const task of this.running.ofJob(name)) {
      task.killRequested = true;
      this.driver
        ?.kill({ value: task.taskId }, { value: task.agentId })
        .catch((error: unknown) => this.logger.warn({ err: error }, "kill failed"));
    }
  }

  changed(): void {
    this.options.onChange?.();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    for (const t of this.retryTimers) clearTimeout(t);
    this.retryTimers.clear();
  }
}
