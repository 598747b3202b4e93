import { schedulerCalls, type IdLike, type OfferRef, type SubscribeOptions } from "./scheduler-calls.js";
import type { KillPolicy } from "./command.js";
import type { Filters, OfferOperation } from "./offer.js";
import type { FrameworkInfo } from "./framework.js";
import type { ID } from "./ids.js";
import type { Resource } from "./resource.js";
import type { SchedulerCall } from "./scheduler-protocol.js";
import type { ExecutorInfo, TaskGroupInfo, TaskInfo, TaskStatus } from "./task.js";

/** One typed method per scheduler call, all sent through `call()`. */
export abstract class SchedulerCallMethods {
  abstract call(call: SchedulerCall): Promise<void>;

  accept(offers: OfferRef | OfferRef[], operations: OfferOperation[], filters?: Filters): Promise<void> {
    return this.call(schedulerCalls.accept(offers, operations, filters));
  }

  /** ACCEPT with one LAUNCH operation. */
  launch(offers: OfferRef | OfferRef[], tasks: TaskInfo[], filters?: Filters): Promise<void> {
    return this.call(schedulerCalls.launch(offers, tasks, filters));
  }

  /** ACCEPT with one LAUNCH_GROUP operation (the executor should be of type DEFAULT). */
  launchGroup(
    offers: OfferRef | OfferRef[],
    executor: ExecutorInfo,
    tasks: TaskInfo[] | TaskGroupInfo,
    filters?: Filters,
  ): Promise<void> {
    return this.call(schedulerCalls.launchGroup(offers, executor, tasks, filters));
  }

  decline(offers: OfferRef | OfferRef[], filters?: Filters): Promise<void> {
    return this.call(schedulerCalls.decline(offers, filters));
  }

  revive(roles?: string[]): Promise<void> {
    return this.call(schedulerCalls.revive(roles));
  }

  suppress(roles?: string[]): Promise<void> {
    return this.call(schedulerCalls.suppress(roles));
  }

  kill(taskId: IdLike, agentId?: IdLike, killPolicy?: KillPolicy): Promise<void> {
    return this.call(schedulerCalls.kill(taskId, agentId, killPolicy));
  }

  shutdown(executorId: IdLike, agentId: IdLike): Promise<void> {
    return this.call(schedulerCalls.shutdown(executorId, agentId));
  }

  /** Acknowledges an update that carries `uuid`; resolves at once, sending nothing, for one without. */
  acknowledge(status: TaskStatus): Promise<void> {
    try {
      const call = schedulerCalls.acknowledge(status);
      return call ? this.call(call) : Promise.resolve();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** Explicit reconciliation of the given tasks, or implicit (all tasks) when none are given. */
  reconcile(tasks?: Array<{ task_id: IdLike; agent_id?: IdLike }>): Promise<void> {
    return this.call(schedulerCalls.reconcile(tasks));
  }

  /** Sends `data` (bytes, or a string taken as UTF-8) to an executor, base64 on the wire. */
  message(agentId: IdLike, executorId: IdLike, data: Uint8Array | string): Promise<void> {
    return this.call(schedulerCalls.message(agentId, executorId, data));
  }

  request(requests: Array<{ agent_id?: ID; resources?: Resource[] }>): Promise<void> {
    return this.call(schedulerCalls.request(requests));
  }

  /** UPDATE_FRAMEWORK (answered synchronously with 200). */
  updateFramework(info: FrameworkInfo, options: SubscribeOptions = {}): Promise<void> {
    return this.call(schedulerCalls.updateFramework(info, options));
  }

  teardown(): Promise<void> {
    return this.call(schedulerCalls.teardown());
  }
}
