import { CliError, ExitCode } from "./exit-codes.js";

const TIMEOUT_MS = 5000;

async function get(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `Cannot reach ${url}: ${cause}`,
      ExitCode.failure,
      "Check the cluster with 'minimesos status'.",
    );
  }
  if (!res.ok) {
    const body = (await res.text()).trim();
    throw new CliError(`GET ${url} answered ${res.status}${body ? `: ${body}` : ""}`, ExitCode.failure);
  }
  return res;
}

/** GETs a JSON document from a role of the cluster; failures become CliErrors with the cause. */
export async function getJson<T>(url: string): Promise<T> {
  const res = await get(url);
  try {
    return (await res.json()) as T;
  } catch {
    throw new CliError(`${url} did not answer with JSON`, ExitCode.failure);
  }
}

/** GETs a file's bytes (a sandbox file) as text. */
export async function getText(url: string): Promise<string> {
  return (await get(url)).text();
}
