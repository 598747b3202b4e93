import { ALL_IN_ONE_PID_DIR } from "./all-in-one-roles.js";

/** Small shell scripts baked into the image (busybox sh). */
export const IMAGE_SCRIPTS: Record<string, string> = {
  "usr/local/bin/minimesos": `#!/bin/sh
exec /usr/local/bin/node /opt/minimesos/dist/cli/main.js "$@"
`,
  // The all-in-one supervisor starts a role again whenever it exits, so ending it is a restart.
  "usr/local/bin/minimesos-restart": `#!/bin/sh
role="$1"
if [ -z "$role" ] || [ ! -f "${ALL_IN_ONE_PID_DIR}/$role.pid" ]; then
  echo "usage: minimesos-restart <master|agent|marathon> (inside the all-in-one container)" >&2
  exit 2
fi
kill "$(cat "${ALL_IN_ONE_PID_DIR}/$role.pid")" && echo "restarting $role" >&2
`,
};
