import { pino, type Logger } from "pino";

export type { Logger };

/** One logger per role: JSON lines on stderr, level from MINIMESOS_LOG_LEVEL (default `info`). */
export function createLogger(role: string, level = process.env.MINIMESOS_LOG_LEVEL ?? "info"): Logger {
  return pino({ name: role, level, base: { role, pid: process.pid } }, pino.destination(2));
}

/** A logger that drops everything, for roles embedded in tests. */
export const silentLogger = (): Logger => pino({ level: "silent" });

/** A `.catch` handler for a call whose failure changes nothing (the next round retries): logged at debug. */
export const debugFailure =
  (logger: Logger, what: string) =>
  (error: unknown): void =>
    logger.debug({ err: error }, `${what} failed`);
