import { ClientClosedError, MesosErrorEvent, MesosHttpError } from "./client-errors.js";
import { readEventStream } from "./event-stream.js";
import { postForStream, readBody } from "./http-transport.js";
import { resolveLocation } from "./master-address.js";

/** What scheduler and executor events have in common. */
export interface MesosEventLike {
  type: string;
  error?: { message: string };
}

export interface SubscriptionOptions<E extends MesosEventLike> {
  url: URL;
  body: string;
  /** How long to wait for the first event (SUBSCRIBED or ERROR). */
  timeoutMs: number;
  /** 307 answers followed (the scheduler API redirects to the leader; the executor API never does). */
  maxRedirects: number;
  /** The stream opened with 200: where (after redirects) and which `Mesos-Stream-Id` it carries. */
  onOpen(opened: { url: URL; streamId: string | undefined }): void;
  /** Every event, the first one included, in stream order. */
  onEvent(event: E): void;
  /** The stream ended after it was ready. Not called for `close()`. */
  onEnd(error: Error): void;
}

/** One SUBSCRIBE connection. `ready` resolves with the SUBSCRIBED event, or rejects when the stream fails first. */
export interface Subscription<E> {
  ready: Promise<E>;
  close(): void;
}

export function openSubscription<E extends MesosEventLike>(options: SubscriptionOptions<E>): Subscription<E> {
  let settled = false;
  let closed = false;
  let abortPost = (): void => undefined;
  let stopReading = (): void => undefined;
  let resolveReady: (event: E) => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<E>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  const fail = (error: Error): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    rejectReady(error);
    stopReading();
    abortPost();
  };
  const timer = setTimeout(
    () => fail(new Error(`No SUBSCRIBED event from ${options.url.host} within ${options.timeoutMs} ms`)),
    options.timeoutMs,
  );

  const handleEvent = (event: E): void => {
    if (!settled && event.type === "SUBSCRIBED") {
      settled = true;
      clearTimeout(timer);
      resolveReady(event);
    }
    options.onEvent(event);
    if (!settled) fail(new MesosErrorEvent(event.error?.message ?? `Expected SUBSCRIBED, got ${event.type}`));
  };

  const attempt = (url: URL, redirectsLeft: number): void => {
    const post = postForStream(url, options.body, { timeoutMs: options.timeoutMs });
    abortPost = post.abort;
    post.response.then(async (response) => {
      if (settled) return void post.abort();
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status === 307 && location && redirectsLeft > 0) {
        post.abort();
        const target = resolveLocation(location, url);
        // Mesos's Location may name only the master (`//host:port`): keep the endpoint path then.
        if (target.pathname === "/") target.pathname = url.pathname;
        return attempt(target, redirectsLeft - 1);
      }
      if (status !== 200) return fail(new MesosHttpError(status, await readBody(response), url.href));
      const streamId = response.headers["mesos-stream-id"];
      options.onOpen({ url, streamId: typeof streamId === "string" ? streamId : undefined });
      stopReading = readEventStream<E>(response, {
        onEvent: handleEvent,
        onEnd: (error) => {
          if (!settled) fail(error);
          else if (!closed) options.onEnd(error);
        },
      });
    }, fail);
  };
  attempt(options.url, options.maxRedirects);

  return {
    ready,
    close: () => {
      if (closed) return;
      closed = true;
      fail(new ClientClosedError("subscription"));
      stopReading();
      abortPost();
    },
  };
}
