/**
 * The worker-thread side of the batch pool (a piscina task module, built to `dist/worker.cjs`). Each worker loads its
 * engine as it starts and builds its analyzer once, on its first record, with the pool's shared resources.
 */
import { workerData } from "node:worker_threads";
import { batchRunner } from "./runner.js";
import type { PoolConfig, TaskOutcome } from "./protocol.js";
import type { ThreadTask } from "./tasks.js";

const runner = batchRunner(workerData as PoolConfig);
runner.warm();

/**
 * Runs a batch of records. Failures come back as data, one per record, not as a rejected promise: structured
 * cloning drops an error's `code`, and the caller needs it.
 */
export default ({ batch, shared }: ThreadTask): TaskOutcome[] => runner.run(batch, shared);
