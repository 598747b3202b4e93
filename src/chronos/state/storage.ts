import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../../common/logger.js";
import type { ID } from "../../mesos/ids.js";
import type { ChronosCore } from "../core/chronos-core.js";
import type { Job } from "../model/job.js";
import type { RunningTask } from "./running-tasks.js";
import type { TaskStat } from "./task-history.js";

interface StoredState {
  frameworkId?: ID;
  jobs: Job[];
  invocations: Record<string, number>;
  running: RunningTask[];
  history: TaskStat[];
}

const FILE = "chronos-state.json";
const SAVE_DELAY_MS = 20;

/**
 * `--storage <dir>`: jobs (with their counters and rewritten schedules), edge counters, running tasks,
 * task history and the framework id in one JSON file, written atomically. A launch saves at once, so a
 * restarted Chronos never runs a slot twice.
 */
export class ChronosStorage {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  load(core: ChronosCore): { frameworkId?: ID } {
    let state: StoredState;
    try {
      state = JSON.parse(readFileSync(join(this.dir, FILE), "utf8")) as StoredState;
    } catch {
      return {};
    }
    for (const job of state.jobs) core.graph.put(job);
    core.graph.restoreInvocations(state.invocations ?? {});
    for (const task of state.running ?? []) core.running.add(task);
    core.history.restore(state.history ?? []);
    return state.frameworkId ? { frameworkId: state.frameworkId } : {};
  }

  scheduleSave(core: ChronosCore, frameworkId: () => ID | undefined): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow(core, frameworkId);
    }, SAVE_DELAY_MS);
  }

  saveNow(core: ChronosCore, frameworkIdOf: () => ID | undefined): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const frameworkId = frameworkIdOf();
    const state: StoredState = {
      ...(frameworkId ? { frameworkId } : {}),
      jobs: core.graph.all(),
      invocations: core.graph.snapshotInvocations(),
      running: core.running.all(),
      history: core.history.snapshot(),
    };
    const path = join(this.dir, FILE);
    try {
      writeFileSync(`${path}.tmp`, JSON.stringify(state));
      renameSync(`${path}.tmp`, path);
    } catch (error) {
      this.logger.error({ err: error }, "could not save Chronos's state");
    }
  }
}
