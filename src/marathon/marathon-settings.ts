/** The settings the HTTP API reports (`/v2/info`) and the framework uses. */
export interface MarathonSettings {
  master: string;
  hostname: string;
  httpAddress: string;
  httpPort: number;
  frameworkName: string;
  mesosRole: string;
  mesosUser: string;
  localPortMin: number;
  localPortMax: number;
  storage?: string;
}

/** The Marathon release whose API this one follows. */
export const MARATHON_VERSION = "1.10.17";
