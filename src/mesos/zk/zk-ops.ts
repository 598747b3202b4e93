import type { Client, Event, Stat } from "node-zookeeper-client";

/** ZooKeeper's error codes and create mode used here (wire values; the library itself loads lazily). */
export const ZK_NO_NODE = -101;
export const ZK_NODE_EXISTS = -110;
export const EPHEMERAL_SEQUENTIAL = 3;

/** A failed ZooKeeper operation, with the server's code name (NO_NODE, CONNECTION_LOSS, SESSION_EXPIRED, …). */
export class ZkOperationError extends Error {
  override readonly name = "ZkOperationError";
  constructor(
    readonly code: number,
    readonly codeName: string,
    operation: string,
    path: string,
  ) {
    super(`ZooKeeper ${operation} ${path} failed: ${codeName}`);
  }
}

export const isNoNode = (error: unknown): boolean =>
  error instanceof ZkOperationError && error.code === ZK_NO_NODE;
export const isNodeExists = (error: unknown): boolean =>
  error instanceof ZkOperationError && error.code === ZK_NODE_EXISTS;

interface LibraryException {
  getCode(): number;
  getName(): string;
}
const isLibraryException = (error: unknown): error is LibraryException =>
  typeof (error as Partial<LibraryException> | null)?.getCode === "function";

type Watcher = (event: Event) => void;

function settle<T>(operation: string, path: string, resolve: (value: T) => void, reject: (e: Error) => void) {
  return (error: unknown, value: T): void => {
    if (!error) resolve(value);
    else if (isLibraryException(error))
      reject(new ZkOperationError(error.getCode(), error.getName(), operation, path));
    else reject(error as Error);
  };
}

export const getChildren = (client: Client, path: string, watcher?: Watcher): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const done = settle<string[]>("getChildren", path, resolve, reject);
    if (watcher) client.getChildren(path, watcher, done);
    else client.getChildren(path, done);
  });

export const getData = (client: Client, path: string): Promise<{ data: Buffer | undefined; stat: Stat }> =>
  new Promise((resolve, reject) => {
    const done = settle<{ data: Buffer | undefined; stat: Stat }>("getData", path, resolve, reject);
    client.getData(path, (error, data, stat) => done(error, { data: data ?? undefined, stat }));
  });

/** The node's Stat, or undefined when it does not exist; the watcher fires on its creation or deletion. */
export const exists = (client: Client, path: string, watcher?: Watcher): Promise<Stat | undefined> =>
  new Promise((resolve, reject) => {
    const done = settle<Stat | undefined>("exists", path, (stat) => resolve(stat ?? undefined), reject);
    if (watcher) client.exists(path, watcher, done);
    else client.exists(path, done);
  });

export const create = (client: Client, path: string, data: Buffer, mode: number): Promise<string> =>
  new Promise((resolve, reject) => client.create(path, data, mode, settle("create", path, resolve, reject)));

/** Creates the persistent path and its parents when missing. */
export const mkdirp = (client: Client, path: string): Promise<string> =>
  new Promise((resolve, reject) => client.mkdirp(path, settle("mkdirp", path, resolve, reject)));

export const remove = (client: Client, path: string): Promise<void> =>
  new Promise((resolve, reject) => client.remove(path, settle<void>("remove", path, resolve, reject)));

/** `parent/child` for ZooKeeper paths (the root is `/`). */
export const childPath = (parent: string, child: string): string =>
  `${parent === "/" ? "" : parent}/${child}`;
