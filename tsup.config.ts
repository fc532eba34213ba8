import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    cli: "src/cli/main.ts",
    worker: "src/batch/worker.ts",
    "process-worker": "src/batch/process-worker.ts",
    queue: "src/queue/index.ts",
  },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", queue: "src/queue/index.ts" } },
  // gongwen/queue's optional peers: imported at run time (lazily), never bundled
  external: ["bullmq", "ioredis"],
  shims: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  splitting: false,
});
