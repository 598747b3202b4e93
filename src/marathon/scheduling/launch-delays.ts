import type { AppDefinition } from "../model/app-definition.js";

interface Delay {
  delayMs: number;
  untilMs: number;
  version: string;
}

/** Launch backoff per app: after each failure the delay grows by backoffFactor, capped at maxLaunchDelaySeconds. */
export class LaunchDelays {
  private readonly delays = new Map<string, Delay>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a failed task of the app's current version and returns the new delay in ms. */
  failed(app: AppDefinition): number {
    const previous = this.delays.get(app.id);
    const base = app.backoffSeconds * 1000;
    const grown = previous && previous.version === app.version ? previous.delayMs * app.backoffFactor : base;
    const delayMs = Math.min(grown, app.maxLaunchDelaySeconds * 1000);
    this.delays.set(app.id, { delayMs, untilMs: this.now() + delayMs, version: app.version });
    return delayMs;
  }

  /** Milliseconds until the app may launch again (0 when it may now). */
  remainingMs(app: AppDefinition): number {
    const delay = this.delays.get(app.id);
    if (!delay || delay.version !== app.version) return 0;
    return Math.max(0, delay.untilMs - this.now());
  }

  reset(appId: string): boolean {
    return this.delays.delete(appId);
  }
}
