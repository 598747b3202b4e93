import { timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";

/** A principal and its secret, as Mesos's `--credential` and `--credentials` files hold them. */
export interface Credential {
  principal: string;
  secret: string;
}

export class CredentialsFileError extends Error {}

const isCredential = (v: unknown): v is Credential =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as Credential).principal === "string" &&
  typeof (v as Credential).secret === "string";

/** Mesos takes a path or a `file://` URL. */
function readFlagFile(flag: string, value: string): string {
  const path = value.startsWith("file://") ? value.slice("file://".length) : value;
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new CredentialsFileError(`Cannot read --${flag} file '${path}': ${(error as Error).message}`);
  }
}

/** Text files have one `principal secret` pair per line. */
function textCredentials(text: string): Credential[] {
  return text
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((words) => words.length === 2 && words[0] !== "")
    .map(([principal, secret]) => ({ principal: principal!, secret: secret! }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The master's `--credentials`: `{"credentials":[{"principal":..,"secret":..}]}` or text lines. */
export function readCredentials(value: string): Credential[] {
  const text = readFlagFile("credentials", value);
  const json = parseJson(text) as { credentials?: unknown } | undefined;
  const list = json === undefined ? textCredentials(text) : json.credentials;
  if (!Array.isArray(list) || list.length === 0 || !list.every(isCredential))
    throw new CredentialsFileError(`--credentials file '${value}' holds no credentials`);
  return list;
}

/** An agent's or framework's `--credential`: `{"principal":..,"secret":..}` or one text line. */
export function readCredential(value: string): Credential {
  const text = readFlagFile("credential", value);
  const json = parseJson(text);
  const credential = json === undefined ? textCredentials(text)[0] : json;
  if (!isCredential(credential))
    throw new CredentialsFileError(`--credential file '${value}' holds no principal and secret`);
  return credential;
}

/** The `Authorization` header value for HTTP Basic authentication. */
export const basicAuthorization = ({ principal, secret }: Credential): string =>
  `Basic ${Buffer.from(`${principal}:${secret}`).toString("base64")}`;

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The principal an `Authorization: Basic` header proves, or why it proves none. */
export function authenticatedPrincipal(
  header: string | undefined,
  credentials: readonly Credential[],
): { principal: string } | { problem: string } {
  if (!header) return { problem: "no credentials presented" };
  const [scheme, encoded] = header.split(" ");
  if (scheme?.toLowerCase() !== "basic" || !encoded) return { problem: "not HTTP Basic credentials" };
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const principal = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  const match = credentials.find((c) => c.principal === principal && sameSecret(c.secret, secret));
  return match ? { principal } : { problem: `wrong credentials for principal '${principal}'` };
}
