import { CliError, ExitCode } from "./exit-codes.js";
import { taskRows, type MasterState, type TaskRow } from "./master-state.js";

/**
 * The tasks (active and completed, of every framework) whose id contains `substring`; a task whose id is
 * exactly `substring` wins over the others.
 */
export function matchTasks(state: MasterState, substring: string): TaskRow[] {
  const rows = taskRows(state, true);
  const exact = rows.filter((r) => r.taskId === substring);
  if (exact.length > 0) return exact;
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.frameworkId}/${r.taskId}`;
    if (!r.taskId.includes(substring) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The one task `substring` names, or a CliError: not found (1), or ambiguous with the matches listed (2). */
export function findTask(state: MasterState, substring: string): TaskRow {
  const matches = matchTasks(state, substring);
  if (matches.length === 0)
    throw new CliError(
      `Cannot find task: '${substring}'`,
      ExitCode.failure,
      "List the tasks with 'minimesos ps --all'.",
    );
  if (matches.length > 1)
    throw new CliError(
      `Task '${substring}' is ambiguous; it matches:\n${matches
        .map((m) => `  ${m.taskId} (${m.framework}, ${m.state})`)
        .join("\n")}`,
      ExitCode.usage,
      "Give more of the task id.",
    );
  return matches[0] as TaskRow;
}
