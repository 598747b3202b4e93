import { debugFailure } from "../../common/logger.js";
import { isTerminalState } from "../../mesos/task-state.js";
import type { TaskStatus } from "../../mesos/task.js";
import { isoTime } from "../model/timestamp.js";
import type { TaskRecord } from "../state/task-record.js";
import type { MarathonCore } from "./marathon-core.js";
import { conditionOf, instanceIdOf, ipAddressesOf } from "./status-fields.js";
import { becameUnreachable } from "./unreachable.js";

const FAILURES = new Set(["TASK_FAILED", "TASK_ERROR", "TASK_LOST", "TASK_DROPPED", "TASK_GONE"]);

function publishChange(core: MarathonCore, task: TaskRecord, status: TaskStatus): void {
  core.events.publish("status_update_event", {
    slaveId: task.agentId,
    taskId: task.id,
    taskStatus: status.state,
    message: status.message ?? "",
    appId: task.appId,
    host: task.host,
    ipAddresses: task.ipAddresses,
    ports: task.ports,
    version: task.version,
  });
  core.events.publish("instance_changed_event", {
    instanceId: instanceIdOf(task.id),
    condition: conditionOf(status.state),
    runSpecId: task.appId,
    agentId: task.agentId,
    host: task.host,
    runSpecVersion: task.version,
  });
}

function recordFailure(core: MarathonCore, task: TaskRecord, status: TaskStatus): void {
  const app = core.apps.get(task.appId);
  core.lastTaskFailure.set(task.appId, {
    appId: task.appId,
    host: task.host,
    message: status.message ?? "",
    state: status.state,
    taskId: task.id,
    timestamp: isoTime(),
    version: task.version,
    slaveId: task.agentId,
  });
  if (app && app.version === task.version) core.delays.failed(app);
}

/** Applies one task status update from the master to the tracker; kills tasks Marathon does not know. */
export function handleStatus(core: MarathonCore, status: TaskStatus): void {
  const task = core.tasks.get(status.task_id.value);
  if (!task) {
    if (!isTerminalState(status.state) && status.agent_id)
      core.driver?.kill(status.task_id, status.agent_id).catch(debugFailure(core.options.logger, "kill"));
    return;
  }
  const wasHealthy = task.mesosHealthy;
  const updated: TaskRecord = {
    ...task,
    state: status.state,
    ...(status.state === "TASK_RUNNING" && !task.startedAt ? { startedAt: isoTime() } : {}),
    ...(ipAddressesOf(status).length > 0 ? { ipAddresses: ipAddressesOf(status) } : {}),
    ...(status.healthy !== undefined ? { mesosHealthy: status.healthy } : {}),
  };
  const stateChanged = task.state !== status.state;
  if (status.state !== "TASK_UNREACHABLE") {
    delete updated.unreachableSince;
    delete updated.unreachableInactive;
  }
  if (status.state === "TASK_UNKNOWN") {
    core.tasks.remove(task.id);
    core.driver?.kill(task.id, task.agentId).catch(debugFailure(core.options.logger, "kill"));
  } else core.tasks.put(updated);
  if (status.state === "TASK_UNREACHABLE")
    becameUnreachable(core, updated, core.apps.get(task.appId)?.unreachableStrategy);
  if (stateChanged) publishChange(core, updated, status);
  if (status.healthy !== undefined && status.healthy !== wasHealthy)
    core.events.publish("health_status_changed_event", {
      appId: task.appId,
      instanceId: instanceIdOf(task.id),
      version: task.version,
      alive: status.healthy,
    });
  if (isTerminalState(status.state) && FAILURES.has(status.state) && !task.killRequested)
    recordFailure(core, task, status);
  core.requestTick();
  core.changed();
}
