import type { Client } from "node-zookeeper-client";
import { getData, isNoNode, mkdirp } from "../../mesos/zk/zk-ops.js";
import { ZkSession } from "../../mesos/zk/zk-session.js";
import type { ZkUrl } from "../../mesos/zk/zk-url.js";
import type { RegistryStore } from "./registry-store.js";

/** The registry's znode under the masters' path: `<path>/registry` (clients skip it: it is no `json.info_`). */
export const REGISTRY_ZNODE = "registry";

const setData = (client: Client, path: string, data: Buffer): Promise<void> =>
  new Promise((resolve, reject) =>
    client.setData(path, data, -1, (error) =>
      error ? reject(new Error(`ZooKeeper setData ${path} failed: ${String(error)}`)) : resolve(),
    ),
  );

/**
 * The registry in a persistent znode, so that whichever master is elected next reads what the last leader
 * wrote. Its own ZooKeeper session; operations wait for a connection (up to `timeoutMs`).
 */
export class ZkRegistryStore implements RegistryStore {
  readonly where: string;
  private readonly path: string;
  private readonly session: ZkSession;
  private closed = false;

  constructor(
    url: ZkUrl,
    sessionTimeoutMs: number,
    private readonly timeoutMs = 10_000,
  ) {
    this.path = `${url.path === "/" ? "" : url.path}/${REGISTRY_ZNODE}`;
    this.where = `${url.display.replace(/\/+$/, "")}/${REGISTRY_ZNODE}`;
    this.session = new ZkSession(url, { sessionTimeoutMs });
    this.session.start();
  }

  async read(): Promise<string | undefined> {
    const client = await this.client();
    try {
      const { data } = await getData(client, this.path);
      return data === undefined || data.length === 0 ? undefined : data.toString("utf8");
    } catch (error) {
      if (isNoNode(error)) return undefined;
      throw error;
    }
  }

  async write(text: string): Promise<void> {
    const client = await this.client();
    await mkdirp(client, this.path);
    await setData(client, this.path, Buffer.from(text, "utf8"));
  }

  /** Later reads and writes fail at once; the session stays (closing a client mid-reconnection upsets the library). */
  fence(): void {
    this.closed = true;
  }

  /** Ends the session; later reads and writes fail at once. */
  close(): void {
    this.closed = true;
    this.session.close();
  }

  private client(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error(`The registry store ${this.where} is closed`));
    const now = this.session.client;
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(
          new Error(`ZooKeeper for the registry (${this.where}) not reachable within ${this.timeoutMs} ms`),
        );
      }, this.timeoutMs);
      const off = this.session.on("connected", ({ client }) => {
        clearTimeout(timer);
        off();
        resolve(client);
      });
    });
  }
}
