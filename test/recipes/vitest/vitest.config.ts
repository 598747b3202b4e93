import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["*.spec.ts"],
    // Starts one cluster for the whole run; tests reach it through inject("masterUrl").
    globalSetup: ["./global-setup.ts"],
    testTimeout: 30_000,
  },
});
