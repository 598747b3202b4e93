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

export class CorruptStateError extends Error {}

function parseStoredState(text: string, file: string): StoredState {
  const refuse = (reason: string) =>
    new CorruptStateError(
      `${file} is not Marathon state (${reason}); Marathon leaves it as it is: move it away to start empty`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refuse((error as Error).message);
  }
  const state = value as Partial<Record<keyof StoredState, unknown>> | null;
  if (typeof state !== "object" || state === null || Array.isArray(state)) throw refuse("not a JSON object");
  for (const key of ["apps", "versions", "tasks", "deployments"] as const)
    if (!Array.isArray(state[key])) throw refuse(`'${key}' is not a list`);
  return state as StoredState;
}
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

  /**
   * Restores what was saved into the core; returns the framework id to re-subscribe with. A file that is
   * not Marathon state stops Marathon with a message and is left untouched (never overwritten).
   */
  load(core: MarathonCore): { frameworkId?: ID } {
    const file = join(this.dir, FILE);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw new CorruptStateError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    const state = parseStoredState(text, file);
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
