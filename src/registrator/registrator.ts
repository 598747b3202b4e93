import { hostname as osHostname } from "node:os";
import { silentLogger, type Logger } from "../common/logger.js";
import type { RunningRole } from "../common/role.js";
import { Backoff } from "../mesos/backoff.js";
import type { OperatorMirror } from "../mesos/operator-mirror.js";
import { OperatorSubscription } from "../mesos/operator-subscription.js";
import { ConsulRegistry, consulBaseUrl } from "./consul-registry.js";
import {
  registrationsOf,
  type RegistrationSettings,
  type ServiceRegistration,
} from "./service-registration.js";
import { inspectTaskContainer, type InspectedContainer } from "./docker-inspect.js";
import { processEnvironment } from "./task-env.js";
import { taskViewOf } from "./task-view.js";

export interface RegistratorOptions {
  /** The Mesos master(s), `host:port` or `http://host:port`. */
  master: string | string[];
  /** The registry URI: `consul://host:port`. */
  registry: string;
  /** The first part of every service id (default: this machine's host name). */
  hostname?: string;
  /** Register each task's own IP and exposed port (registrator's `-internal`). */
  internal?: boolean;
  /** Tags added to every service (registrator's `-tags`). */
  tags?: string[];
  /** Re-register everything this often (registrator's `-resync`; 0 = never). */
  resyncMs?: number;
  /** At each snapshot, remove services with this host name's id prefix that no running task has (`-cleanup`). */
  cleanup?: boolean;
  /** A task's environment by process id (default: /proc/<pid>/environ). */
  environment?: (pid: number | undefined) => Record<string, string>;
  /** A DOCKER task's container by task id (default: the local engine, by the agent's task-id label). */
  inspectContainer?: (taskId: string) => Promise<InspectedContainer | undefined>;
  logger?: Logger;
}

export interface Registrator extends RunningRole {
  /** The ids registered now. */
  registered(): string[];
  /** Resolves once the first snapshot of the master has been registered. */
  readonly ready: Promise<void>;
}

/**
 * registrator for Mesos tasks: follows the master's operator event stream and keeps one Consul service per
 * port of every running task, registered as TASK_RUNNING arrives and removed when the task ends. After a
 * master restart the new snapshot is registered again and what ended meanwhile removed; on stop, every
 * service it registered is removed.
 */
export async function startRegistrator(options: RegistratorOptions): Promise<Registrator> {
  const logger = options.logger ?? silentLogger();
  const settings: RegistrationSettings = {
    hostname: options.hostname ?? osHostname(),
    internal: options.internal ?? false,
    tags: options.tags ?? [],
  };
  const environment = options.environment ?? processEnvironment;
  const registry = new ConsulRegistry(consulBaseUrl(options.registry));
  const subscription = new OperatorSubscription({ master: options.master });
  /** id → the JSON last registered. */
  const registered = new Map<string, string>();
  const envCache = new Map<string, Record<string, string>>();
  const inspect = options.inspectContainer ?? ((taskId: string) => inspectTaskContainer(taskId));
  /** DOCKER tasks' containers, inspected once each (undefined: no such container here). */
  const containers = new Map<string, InspectedContainer | undefined>();

  /** Inspects the containers of running DOCKER tasks not seen before; forgets those of tasks gone. */
  const inspectNewContainers = async (mirror: OperatorMirror): Promise<void> => {
    const live = new Set<string>();
    const fresh: string[] = [];
    for (const task of mirror.tasks) {
      if (task.container?.type !== "DOCKER" || task.state !== "TASK_RUNNING") continue;
      live.add(task.task_id.value);
      if (!containers.has(task.task_id.value)) fresh.push(task.task_id.value);
    }
    await Promise.all(fresh.map(async (id) => containers.set(id, await inspect(id))));
    for (const id of containers.keys()) if (!live.has(id)) containers.delete(id);
  };
  const retry = new Backoff(200, 5000);
  let running: Promise<void> | undefined;
  let dirty = false;
  let cleanupDue = false;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const desiredFrom = (mirror: OperatorMirror): Map<string, ServiceRegistration> => {
    const desired = new Map<string, ServiceRegistration>();
    const live = new Set<string>();
    for (const task of mirror.tasks) {
      const pidEnv = (pid: number | undefined) => {
        const key = `${task.task_id.value}:${pid ?? ""}`;
        live.add(key);
        let env = envCache.get(key);
        if (!env) envCache.set(key, (env = environment(pid)));
        return env;
      };
      const view = taskViewOf(
        task,
        mirror.agents.get(task.agent_id.value),
        pidEnv,
        containers.get(task.task_id.value),
      );
      if (view) for (const r of registrationsOf(view, settings)) desired.set(r.ID, r);
    }
    for (const key of envCache.keys()) if (!live.has(key)) envCache.delete(key);
    return desired;
  };

  const reconcileOnce = async (): Promise<void> => {
    await inspectNewContainers(subscription.mirror);
    const desired = desiredFrom(subscription.mirror);
    const work: Array<Promise<void>> = [];
    for (const [id, service] of desired) {
      const json = JSON.stringify(service);
      if (registered.get(id) === json) continue;
      work.push(
        registry.register(service).then(() => {
          registered.set(id, json);
          logger.info(
            { id, name: service.Name, address: `${service.Address}:${service.Port}` },
            "registered",
          );
        }),
      );
    }
    for (const id of [...registered.keys()])
      if (!desired.has(id))
        work.push(
          registry.deregister(id).then(() => {
            registered.delete(id);
            logger.info({ id }, "deregistered");
          }),
        );
    if (cleanupDue) {
      cleanupDue = false;
      const prefix = `${settings.hostname}:`;
      const stale = (await registry.serviceIds()).filter((id) => id.startsWith(prefix) && !desired.has(id));
      for (const id of stale) work.push(registry.deregister(id).then(() => void registered.delete(id)));
    }
    const results = await Promise.allSettled(work);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  };

  const reconcile = (): void => {
    if (stopped) return;
    if (running) {
      dirty = true;
      return;
    }
    dirty = false;
    running = reconcileOnce().then(
      () => {
        retry.reset();
        running = undefined;
        markReady();
        if (dirty) reconcile();
      },
      (error: unknown) => {
        running = undefined;
        const delay = retry.next();
        logger.warn({ err: error, retryInMs: delay }, "could not update Consul");
        clearTimeout(retryTimer);
        retryTimer = setTimeout(reconcile, delay);
      },
    );
  };

  subscription.on("subscribed", () => {
    cleanupDue = options.cleanup ?? true;
    reconcile();
  });
  subscription.on("change", () => {
    if (subscription.connected) reconcile();
  });
  subscription.on("disconnected", ({ error, retryInMs }) =>
    logger.warn({ err: error, retryInMs }, "lost the master's event stream"),
  );
  subscription.start();
  const resync =
    options.resyncMs && options.resyncMs > 0
      ? setInterval(() => {
          registered.clear();
          reconcile();
        }, options.resyncMs)
      : undefined;

  let stopping: Promise<void> | undefined;
  return {
    url: consulBaseUrl(options.registry).origin,
    ready,
    registered: () => [...registered.keys()],
    stop: () =>
      (stopping ??= (async () => {
        stopped = true;
        clearInterval(resync);
        clearTimeout(retryTimer);
        await subscription.close();
        await running?.catch(() => undefined);
        await Promise.allSettled([...registered.keys()].map((id) => registry.deregister(id)));
        registered.clear();
      })()),
  };
}
