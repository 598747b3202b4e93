import { configDiffers, type AppDefinition } from "./app-definition.js";

/** Stamps a new version: a config change moves both versionInfo times, a scale-only change lastScalingAt. */
export function stampVersion(
  before: AppDefinition | undefined,
  after: AppDefinition,
  version: string,
): AppDefinition {
  if (!before || configDiffers(before, after))
    return { ...after, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: version } };
  return {
    ...after,
    version,
    versionInfo: {
      lastScalingAt: before.instances !== after.instances ? version : before.versionInfo.lastScalingAt,
      lastConfigChangeAt: before.versionInfo.lastConfigChangeAt,
    },
  };
}

/** A restart: same config, new version and lastConfigChangeAt. */
export const restartVersion = (app: AppDefinition, version: string): AppDefinition => ({
  ...app,
  version,
  versionInfo: { lastScalingAt: app.versionInfo.lastScalingAt, lastConfigChangeAt: version },
});
