// Builds the start-up bundles after `tsc`: one CommonJS file per role and one for the command line
// (src/cli/start-up-bundle.ts explains why and loads them).
import { build } from "esbuild";

const ENTRIES = ["master", "agent", "marathon", "chronos", "consul", "registrator", "dns", "cli"];

await build({
  entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, `dist/bundles/${name}.js`])),
  outdir: "dist/bundled",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  // Loaded on the first Docker call only (src/docker/client.ts), and it brings native optional parts.
  external: ["dockerode"],
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: "warning",
});
