import { spawn } from "node:child_process";
import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect } from "node:net";
import type { CommandInfo } from "../../mesos/command.js";

export interface ProbeResult {
  healthy: boolean;
  message: string;
}

/** Runs a COMMAND check in the task's sandbox: exit status 0 is healthy. */
export function commandProbe(
  command: CommandInfo,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const argv = command.arguments ?? [];
    const child =
      command.shell === false
        ? spawn(command.value ?? "", argv.slice(1), { cwd, env, detached: true, stdio: "ignore" })
        : spawn("/bin/sh", ["-c", command.value ?? ""], { cwd, env, detached: true, stdio: "ignore" });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      resolve({ healthy: false, message: `Command timed out after ${timeoutMs / 1000}s` });
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ healthy: false, message: error.message });
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(
        code === 0
          ? { healthy: true, message: "" }
          : {
              healthy: false,
              message: `Command returned: ${code === null ? `signal ${signal}` : `exited with status ${code}`}`,
            },
      );
    });
  });
}

/**
 * An HTTP(S) check against host:port (127.0.0.1 unless a Docker task's address is given); any status from
 * 200 to 399 is healthy, redirects are not followed.
 * Like Mesos, an HTTPS check does not verify the target's certificate: tasks commonly serve self-signed ones.
 * `timeoutMs` bounds the whole exchange, from connecting to the end of the body.
 */
export function httpProbe(
  http: { port: number; path?: string; scheme?: string },
  timeoutMs: number,
  host = "127.0.0.1",
): Promise<ProbeResult> {
  const path = http.path ? (http.path.startsWith("/") ? http.path : `/${http.path}`) : "/";
  const secure = http.scheme === "https";
  const url = `${secure ? "https" : "http"}://${host}:${http.port}${path}`;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const fail = (reason: string) =>
      finish({ healthy: false, message: `HTTP health check to ${url} failed: ${reason}` });
    const options = { method: "GET", agent: false as const };
    const onResponse = (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      res.resume();
      res.once("error", (error) => fail(error.message));
      res.once("end", () =>
        finish(
          status >= 200 && status < 400
            ? { healthy: true, message: "" }
            : { healthy: false, message: `Unexpected HTTP status code ${status} from ${url}` },
        ),
      );
    };
    const request: ClientRequest = secure
      ? httpsRequest(url, { ...options, rejectUnauthorized: false }, onResponse)
      : httpRequest(url, options, onResponse);
    const timer = setTimeout(() => fail(`timed out after ${timeoutMs / 1000}s`), timeoutMs);
    request.once("error", (error) => fail(error.message));
    request.end();
  });
}

/** A TCP check: healthy when host:port (127.0.0.1 unless a Docker task's address is given) accepts a connection. */
export function tcpProbe(port: number, timeoutMs: number, host = "127.0.0.1"): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: ProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () =>
      done({ healthy: false, message: `TCP connection to port ${port} timed out` }),
    );
    socket.once("connect", () => done({ healthy: true, message: "" }));
    socket.once("error", (error) =>
      done({ healthy: false, message: `TCP connection to port ${port} failed: ${error.message}` }),
    );
  });
}
