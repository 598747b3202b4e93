import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { classifyMarathonDefinition, type MarathonDefinition } from "./spec/index.js";

/** The JSON text of an app or group definition given as an object, inline JSON, a URL or a file path. */
export async function readMarathonDefinition(
  definition: MarathonDefinition,
  baseDir: string,
): Promise<string> {
  const source = classifyMarathonDefinition(definition);
  switch (source.kind) {
    case "object":
      return JSON.stringify(source.value);
    case "inline":
      return source.text;
    case "url": {
      const res = await fetch(source.url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`Could not fetch ${source.url}: HTTP ${res.status}`);
      return res.text();
    }
    case "file":
      return readFile(resolve(baseDir, source.path), "utf8");
  }
}
