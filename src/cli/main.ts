#!/usr/bin/env node
/** The `gongwen` executable (built to dist/cli.js): see run.ts. */
import { runCli } from "./run.js";

runCli(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`gongwen: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
