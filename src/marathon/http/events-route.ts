import type { FastifyInstance } from "fastify";
import { STREAM_BACKLOG_LIMIT_BYTES, writeOrDrop } from "../../common/http-server.js";
import type { MarathonCore } from "../core/marathon-core.js";
import { isoTime } from "../model/timestamp.js";
import { passesFilter, sseFrame } from "../events/sse.js";
import { queryValues } from "./replies.js";

const HEARTBEAT_MS = 15_000;

/** GET /v2/events: the event bus as server-sent events, `event_type=` filtering. */
export function registerEventsRoute(http: FastifyInstance, core: MarathonCore): void {
  http.get("/v2/events", (request, reply) => {
    const accept = request.headers.accept ?? "";
    if (!accept.includes("text/event-stream"))
      return reply.code(405).type("text/html").send("<html><body><h2>HTTP ERROR 405</h2></body></html>");
    const types = queryValues(request, "event_type");
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
    });
    raw.socket?.setNoDelay(true);
    raw.flushHeaders();
    const send = (event: Parameters<typeof sseFrame>[0]) =>
      passesFilter(event, types) && writeOrDrop(raw, sseFrame(event), STREAM_BACKLOG_LIMIT_BYTES);
    send({ eventType: "event_stream_attached", timestamp: isoTime(), remoteAddress: request.ip });
    const unsubscribe = core.events.subscribe(send);
    const heartbeat = setInterval(() => writeOrDrop(raw, "\r\n", STREAM_BACKLOG_LIMIT_BYTES), HEARTBEAT_MS);
    raw.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
      core.events.publish("event_stream_detached", { remoteAddress: request.ip });
    });
  });
}
