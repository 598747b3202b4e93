/** Counters the master keeps for /metrics/snapshot (the `master/*` keys that are not derived from state). */
export class MasterCounters {
  readonly messages = new Map<string, number>();
  slaveRegistrations = 0;
  slaveReregistrations = 0;
  slaveRemovals = 0;
  slaveRemovalsUnhealthy = 0;
  slaveRemovalsUnregistered = 0;
  slaveUnreachableScheduled = 0;
  slaveUnreachableCompleted = 0;
  slaveUnreachableCanceled = 0;
  validStatusUpdates = 0;
  invalidStatusUpdates = 0;
  validAcknowledgements = 0;
  invalidAcknowledgements = 0;
  droppedMessages = 0;
  /** Terminal task counts by state; live ones are derived from state. */
  readonly terminalTasks = new Map<string, number>();

  count(message: string): void {
    this.messages.set(message, (this.messages.get(message) ?? 0) + 1);
  }

  countTerminal(state: string): void {
    this.terminalTasks.set(state, (this.terminalTasks.get(state) ?? 0) + 1);
  }
}
