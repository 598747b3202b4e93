import { startConsul, type Consul } from "../consul.js";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** A Consul on free ports for tests, with a small HTTP caller. */
export async function startTestConsul(options: { dataDir?: string; node?: string; dns?: boolean } = {}) {
  const consul: Consul = await startConsul({
    httpPort: 0,
    dnsPort: options.dns ? 0 : -1,
    node: options.node ?? "node1",
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  const call = async (method: string, path: string, body?: string | Buffer): Promise<Answer> => {
    const response = await fetch(`${consul.url}${path}`, { method, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return { consul, call, get: (path: string) => call("GET", path) };
}
