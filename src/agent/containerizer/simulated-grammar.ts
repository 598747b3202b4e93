import { parseDuration } from "../../common/duration.js";

/**
 * What a simulated task does, read from its command value. Words separated by spaces:
 *
 *   run=<duration>   run this long, then exit (Mesos durations: 200ms, 2secs, 1mins; plain numbers are ms)
 *   run=forever      run until killed (the default)
 *   exit=<code>      exit with this code (default 0) once `run` is over; alone it means "exit at once"
 *   fail-to-start    the container never starts (TASK_FAILED, REASON_CONTAINER_LAUNCH_FAILED)
 *   ignore-sigterm   SIGTERM is ignored, so a kill waits for the grace period and SIGKILL
 *
 * Any other command (`sleep 100`, `./run.sh`, empty) runs until killed.
 * Examples: `run=200ms exit=0`, `run=forever`, `exit=3`, `run=1secs exit=1 ignore-sigterm`.
 */
export interface SimulatedBehaviour {
  /** Milliseconds until the task exits by itself; undefined runs forever. */
  runMs: number | undefined;
  exitCode: number;
  failToStart: boolean;
  ignoreSigterm: boolean;
}

export function parseSimulatedCommand(command: string | undefined): SimulatedBehaviour {
  const behaviour: SimulatedBehaviour = {
    runMs: undefined,
    exitCode: 0,
    failToStart: false,
    ignoreSigterm: false,
  };
  let sawRun = false;
  let sawExit = false;
  for (const word of (command ?? "").trim().split(/\s+/)) {
    const [key, value] = word.split("=", 2) as [string, string | undefined];
    if (key === "run" && value !== undefined) {
      const ms = value === "forever" ? undefined : toMs(value);
      if (value !== "forever" && ms === undefined) continue;
      behaviour.runMs = ms;
      sawRun = true;
    } else if (key === "exit" && value !== undefined && /^\d+$/.test(value)) {
      behaviour.exitCode = Number(value) & 0xff;
      sawExit = true;
    } else if (word === "fail-to-start") behaviour.failToStart = true;
    else if (word === "ignore-sigterm") behaviour.ignoreSigterm = true;
  }
  if (sawExit && !sawRun) behaviour.runMs = 0;
  return behaviour;
}

function toMs(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  try {
    return parseDuration(text);
  } catch {
    return undefined;
  }
}
