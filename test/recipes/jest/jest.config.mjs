// Jest runs native ES modules with NODE_OPTIONS=--experimental-vm-modules; no transform is needed.
export default {
  testEnvironment: "node",
  transform: {},
  testMatch: ["**/*.test.mjs"],
  testTimeout: 30_000,
};
