import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../../common/logger.js";
import type { ID } from "../../mesos/ids.js";
import type { MarathonCore } from "../core/marathon-core.js";
import type { DeploymentPlan } from "../deployment/plan.js";
import type { AppDefinition } from "../model/app-definition.js";
import type { TaskRecord } from "./task-record.js";

interface StoredState {
  frameworkId?: ID;
  apps: AppDefinition[];
  versions: AppDefinition[];
  tasks: TaskRecord[];
  deployments: Array<{ plan: DeploymentPlan; stepIndex: number }>;
}

const FILE = "marathon-state.json";
const SAVE_DELAY_MS = 20;

/** `--storage <dir>`: apps, versions, deployments, tasks and the framework id in one JSON file, written atomically. */
export class MarathonStorage {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Restores what was saved into the core; returns the framework id to re-subscribe with. */
  load(core: MarathonCore): { frameworkId?: ID } {
    let state: StoredState;
    try {
      state = JSON.parse(readFileSync(join(this.dir, FILE), "utf8")) as StoredState;
    } catch {
      return {};
    }
    core.apps.restore({ apps: state.apps, versions: state.versions });
    for (const task of state.tasks) core.tasks.put(task);
    for (const d of state.deployments) core.deployments.restore(d.plan, d.stepIndex);
    return state.frameworkId ? { frameworkId: state.frameworkId } : {};
  }

  scheduleSave(core: MarathonCore, frameworkId: () => ID | undefined): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow(core, frameworkId);
    }, SAVE_DELAY_MS);
  }

  saveNow(core: MarathonCore, frameworkIdOf: () => ID | undefined): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const frameworkId = frameworkIdOf();
    const state: StoredState = {
      ...(frameworkId ? { frameworkId } : {}),
      ...core.apps.snapshot(),
      tasks: core.tasks.all(),
      deployments: core.deployments.list().map((d) => ({ plan: d.plan, stepIndex: d.stepIndex })),
    };
    const path = join(this.dir, FILE);
    try {
      writeFileSync(`${path}.tmp`, JSON.stringify(state));
      renameSync(`${path}.tmp`, path);
    } catch (error) {
      this.logger.error({ err: error }, "could not save Marathon's state");
    }
  }
}
