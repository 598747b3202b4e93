import { HEALTH_CHECK_DEFAULTS, type HealthCheck } from "../../mesos/health-check.js";
import type { CommandInfo } from "../../mesos/command.js";
import { commandProbe, httpProbe, tcpProbe, type ProbeResult } from "./probes.js";

export interface HealthCheckerOptions {
  check: HealthCheck;
  /** Where COMMAND checks run, with which environment. */
  sandbox: string;
  env: Record<string, string>;
  /** A health status to report: the first healthy result and every counted unhealthy one. */
  onStatus: (healthy: boolean, message: string) => void;
  /** `consecutive_failures` unhealthy results in a row outside the grace period: the task must be killed. */
  onKill: (message: string) => void;
  /** Where HTTP and TCP checks connect (default 127.0.0.1): a Docker task's address in its own network. */
  probeHost?: string;
  /** Runs COMMAND checks somewhere else than the host (inside a Docker container). */
  commandProbe?: (command: CommandInfo, timeoutMs: number) => Promise<ProbeResult>;
}

/**
 * Mesos's health checker: waits `delay_seconds`, then probes every `interval_seconds` with a
 * `timeout_seconds` limit. Failures in the first `grace_period_seconds` are ignored until the first success.
 * Only one probe is ever in flight and all timers stop with `stop()`.
 */
export class HealthChecker {
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private consecutiveFailures = 0;
  private everHealthy = false;
  private reportedHealthy = false;

  constructor(private readonly options: HealthCheckerOptions) {}

  start(): void {
    this.schedule(seconds(this.options.check.delay_seconds, HEALTH_CHECK_DEFAULTS.delay_seconds));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.probe(), ms);
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    const result = await this.runProbe();
    if (this.stopped) return;
    this.record(result);
    this.schedule(seconds(this.options.check.interval_seconds, HEALTH_CHECK_DEFAULTS.interval_seconds));
  }

  private record(result: ProbeResult): void {
    const check = this.options.check;
    if (result.healthy) {
      this.everHealthy = true;
      this.consecutiveFailures = 0;
      if (!this.reportedHealthy) {
        this.reportedHealthy = true;
        this.options.onStatus(true, result.message);
      }
      return;
    }
    const graceMs = seconds(check.grace_period_seconds, HEALTH_CHECK_DEFAULTS.grace_period_seconds);
    if (!this.everHealthy && Date.now() - this.startedAt < graceMs) return;
    this.consecutiveFailures += 1;
    this.reportedHealthy = false;
    this.options.onStatus(false, result.message);
    const limit = check.consecutive_failures ?? HEALTH_CHECK_DEFAULTS.consecutive_failures;
    if (this.consecutiveFailures >= limit) {
      this.stop();
      this.options.onKill(`Health check failed ${this.consecutiveFailures} times consecutively`);
    }
  }

  private runProbe(): Promise<ProbeResult> {
    const check = this.options.check;
    const timeoutMs = seconds(check.timeout_seconds, HEALTH_CHECK_DEFAULTS.timeout_seconds);
    const host = this.options.probeHost;
    if (check.type === "HTTP" && check.http) return httpProbe(check.http, timeoutMs, host);
    if (check.type === "TCP" && check.tcp) return tcpProbe(check.tcp.port, timeoutMs, host);
    if (check.command && this.options.commandProbe)
      return this.options.commandProbe(check.command, timeoutMs);
    if (check.command) return commandProbe(check.command, this.options.sandbox, this.options.env, timeoutMs);
    return Promise.resolve({ healthy: false, message: `Unsupported health check type ${check.type}` });
  }
}

const seconds = (value: number | undefined, fallback: number): number => (value ?? fallback) * 1000;
