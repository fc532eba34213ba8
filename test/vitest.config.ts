import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Kept in test/ so that the top level holds only what the design card fixes; the root is the project.

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    // test/types.test-d.ts: what a strict user's compiler sees (expectTypeOf), checked by tsc as part of the run
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // nodejieba loads ~280 MB of dictionaries per process: a few forks, not one per core-thread
    pool: "forks",
    maxWorkers: 2,
  },
});
