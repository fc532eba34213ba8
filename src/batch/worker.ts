/**
 * The worker-thread side of the batch pool (a piscina task module, built to `dist/worker.js`). Each worker builds
 * its analyzer once, on its first record, so nodejieba's dictionaries load once per worker.
 */
import { workerData } from "node:worker_threads";
import { batchRunner } from "./runner.js";
import type { PoolConfig } from "./protocol.js";

/**
 * Runs a batch of records. Failures come back as data, one per record, not as a rejected promise: structured
 * cloning drops an error's `code`, and the caller needs it.
 */
export default batchRunner(workerData as PoolConfig);
