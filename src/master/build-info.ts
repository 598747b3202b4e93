import { PACKAGE_VERSION } from "../common/package-root.js";
import { MESOS_VERSION } from "../mesos/version.js";

const builtAt = new Date();
const pad = (n: number) => String(n).padStart(2, "0");

/** What `/version` and GET_VERSION report: Mesos 1.11.0, plus our own version. */
export const BUILD_INFO = {
  version: MESOS_VERSION,
  build_date: `${builtAt.getUTCFullYear()}-${pad(builtAt.getUTCMonth() + 1)}-${pad(builtAt.getUTCDate())} ${pad(builtAt.getUTCHours())}:${pad(builtAt.getUTCMinutes())}:${pad(builtAt.getUTCSeconds())}`,
  build_time: Math.floor(builtAt.getTime() / 1000),
  build_user: "minimesos",
};

export const versionJson = () => ({ ...BUILD_INFO, minimesos_version: PACKAGE_VERSION });
