#!/usr/bin/env node
/** The `gongwen` executable (built to dist/cli.js): see run.ts. */
import { useBatchTiering } from "../batch/tiering.js";
import { runCli } from "./run.js";

// This process is gongwen's own: V8 compiles the workers' hot code less eagerly (see batch/tiering.ts).
useBatchTiering();

runCli(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`gongwen: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
