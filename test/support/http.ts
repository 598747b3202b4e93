import { waitFor } from "../../src/cluster/readiness.js";

/** The body at `url`, or undefined when nothing answers there (yet) or the answer is not 2xx. */
export async function bodyAt(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** The body at `url`, retried until a server answers there; fails after `ms`. */
export const httpBodyWhenUp = (url: string, ms: number): Promise<string> =>
  waitFor(`an HTTP answer at ${url}`, () => bodyAt(url), ms, 25);
