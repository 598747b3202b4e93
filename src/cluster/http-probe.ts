import { request } from "node:http";

export interface ProbeAnswer {
  status: number;
  body: string;
}

/**
 * One GET over a fresh connection that is closed afterwards. Readiness checks use node:http rather than
 * fetch: loading fetch (undici) costs more CPU than a whole `up` can spare while its roles start.
 */
export function probe(url: string, timeoutMs = 1000): Promise<ProbeAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, timeout: timeoutMs });
    req.once("timeout", () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.once("error", reject);
    req.once("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.once("error", reject);
      res.once("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.end();
  });
}
