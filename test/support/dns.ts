import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { lookup } from "../../src/common/dns/client.js";

const run = promisify(execFile);

/** `dig @127.0.0.1 -p <port> <args>`: its whole output. */
export async function dig(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run("dig", ["@127.0.0.1", "-p", String(port), "+time=2", "+tries=1", ...args]);
  return stdout;
}

/** `dig +short`: one line per answer. */
export async function digShort(port: number, name: string, type = "A", ...args: string[]): Promise<string[]> {
  return (await dig(port, "+short", ...args, name, type)).split("\n").filter((line) => line.trim() !== "");
}

/** The `status:` dig reports (NOERROR, NXDOMAIN, REFUSED, ...). */
export async function digStatus(port: number, name: string, type = "A"): Promise<string | undefined> {
  return /status: ([A-Z]+)/.exec(await dig(port, name, type))?.[1];
}

/** The A answers for a name, straight over UDP (fast enough to poll every millisecond). */
export async function addresses(port: number, name: string): Promise<string[]> {
  const answer = await lookup({ host: "127.0.0.1", port }, name, "A");
  return (answer.answers ?? []).flatMap((a) => (a.type === "A" ? [a.data] : []));
}
