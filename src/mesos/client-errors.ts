/** A Mesos endpoint answered a call with a non-2xx status; `body` is its plain-text error. */
export class MesosHttpError extends Error {
  override readonly name = "MesosHttpError";

  constructor(
    readonly status: number,
    readonly body: string,
    readonly url: string,
  ) {
    super(body.length > 0 ? `${status}: ${body}` : `HTTP ${status} from ${url}`);
  }
}

/** The stream opened but its first event was `ERROR` (a refused subscription), or an `ERROR` ended it. */
export class MesosErrorEvent extends Error {
  override readonly name = "MesosErrorEvent";
}

/** The client was closed while the operation was still under way. */
export class ClientClosedError extends Error {
  override readonly name = "ClientClosedError";

  constructor(what = "client") {
    super(`The ${what} was closed`);
  }
}

/** Network-level failures (refused, reset, timed out) and 5xx answers are worth trying elsewhere or later. */
export const isTransientFailure = (error: unknown): boolean =>
  !(error instanceof MesosErrorEvent) &&
  !(error instanceof ClientClosedError) &&
  !(error instanceof MesosHttpError && error.status < 500);
