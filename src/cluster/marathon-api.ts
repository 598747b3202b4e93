/** The few Marathon calls minimesos itself makes (install, uninstall, apps from the minimesosFile). */
export type MarathonKind = "app" | "group";

export class MarathonRejected extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`Marathon answered ${status}: ${body}`);
  }
}

const path = (kind: MarathonKind) => (kind === "app" ? "/v2/apps" : "/v2/groups");

async function send(url: string, method: string, body?: string): Promise<string> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new MarathonRejected(res.status, text);
  return text;
}

const idOf = (json: string): string => {
  const parsed = JSON.parse(json) as { id?: unknown };
  if (typeof parsed.id !== "string" || parsed.id === "") throw new Error("The definition has no 'id'");
  return parsed.id.replace(/^\/+/, "");
};

/** POSTs a new app or group, or (update) PUTs it over the existing one with force=true as minimesos did. */
export function deploy(
  marathonUrl: string,
  kind: MarathonKind,
  json: string,
  update: boolean,
): Promise<string> {
  JSON.parse(json);
  if (!update) return send(`${marathonUrl}${path(kind)}`, "POST", json);
  return send(`${marathonUrl}${path(kind)}/${idOf(json)}?force=true`, "PUT", json);
}

export const remove = (marathonUrl: string, kind: MarathonKind, id: string): Promise<string> =>
  send(`${marathonUrl}${path(kind)}/${id.replace(/^\/+/, "")}`, "DELETE");
