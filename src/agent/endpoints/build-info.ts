import { PACKAGE_VERSION } from "../../common/package-root.js";
import { MESOS_VERSION } from "../../mesos/version.js";

/** Build facts as Mesos reports them; the build is this package's, so its time is the process start. */
const started = new Date();
const pad = (n: number): string => String(n).padStart(2, "0");

export const BUILD_INFO = {
  version: MESOS_VERSION,
  build_date: `${started.getFullYear()}-${pad(started.getMonth() + 1)}-${pad(started.getDate())} ${pad(started.getHours())}:${pad(started.getMinutes())}:${pad(started.getSeconds())}`,
  build_time: Math.floor(started.getTime() / 1000),
  build_user: "minimesos",
};

/** `/version`: Mesos's fields plus our own version. */
export const versionBody = () => ({ ...BUILD_INFO, minimesos_version: PACKAGE_VERSION });
