import type { Task } from "../../mesos/task.js";
import type { MasterContext } from "../context.js";
import { legacyTask } from "./legacy-tasks.js";

export interface TasksQuery {
  limit?: string;
  offset?: string;
  order?: string;
  framework_id?: string;
  task_id?: string;
}

const startedAt = (t: Task) => t.statuses[0]?.timestamp ?? 0;

/** `/master/tasks`: every task the master knows, newest first unless `order=asc`, paged by limit/offset. */
export function legacyTasks(ctx: MasterContext, query: TasksQuery): { tasks: Record<string, unknown>[] } {
  const limit = Math.max(0, Number.parseInt(query.limit ?? "100", 10) || 100);
  const offset = Math.max(0, Number.parseInt(query.offset ?? "0", 10) || 0);
  const frameworks = [...ctx.frameworks.all(), ...ctx.frameworks.completed.values()].filter(
    (f) => !query.framework_id || f.id === query.framework_id,
  );
  const tasks = frameworks
    .flatMap((f) => [...f.tasks.values(), ...f.unreachableTasks.values(), ...f.completedTasks.values()])
    .filter((t) => !query.task_id || t.task_id.value === query.task_id)
    .sort((a, b) => startedAt(a) - startedAt(b));
  if (query.order !== "asc") tasks.reverse();
  return { tasks: tasks.slice(offset, offset + limit).map(legacyTask) };
}
