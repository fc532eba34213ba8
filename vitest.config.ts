import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // nodejieba loads ~280 MB of dictionaries per process: a few forks, not one per core-thread
    pool: "forks",
    maxWorkers: 2,
  },
});
