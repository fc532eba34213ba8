import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", cli: "src/cli/main.ts", worker: "src/batch/worker.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts" } },
  shims: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  splitting: false,
});
