import type { CommandInfo } from "./command.js";

export interface HealthCheck {
  type?: "COMMAND" | "HTTP" | "TCP" | "UNKNOWN";
  command?: CommandInfo;
  http?: { port: number; path?: string; scheme?: string; statuses?: number[]; protocol?: "IPv4" | "IPv6" };
  tcp?: { port: number; protocol?: "IPv4" | "IPv6" };
  delay_seconds?: number;
  interval_seconds?: number;
  timeout_seconds?: number;
  consecutive_failures?: number;
  grace_period_seconds?: number;
}

/** The proto defaults Mesos writes out for every HealthCheck. */
export const HEALTH_CHECK_DEFAULTS = {
  delay_seconds: 15,
  interval_seconds: 10,
  timeout_seconds: 20,
  consecutive_failures: 3,
  grace_period_seconds: 10,
} as const;

export interface CheckInfo {
  type?: "COMMAND" | "HTTP" | "TCP";
  command?: { command: CommandInfo };
  http?: { port: number; path?: string };
  tcp?: { port: number };
  delay_seconds?: number;
  interval_seconds?: number;
  timeout_seconds?: number;
}
