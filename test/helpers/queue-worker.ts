/**
 * A tagging worker process for the queue tests and benchmark: `gongwen worker`'s own code path, with BullMQ's
 * timings shortened through the environment so that stalled-job recovery takes seconds, not a minute.
 *
 *   node --import tsx test/helpers/queue-worker.ts --redis redis://127.0.0.1:PORT --queue NAME [--concurrency N]
 *   env: QUEUE_WORKER_NAME, QUEUE_LOCK_MS, QUEUE_STALLED_MS
 */
import { parseQueueArgs, runWorker } from "../../src/queue/cli.js";

const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const lockDuration = env("QUEUE_LOCK_MS");
const stalledInterval = env("QUEUE_STALLED_MS");
const name = process.env["QUEUE_WORKER_NAME"];

process.exitCode = await runWorker({
  ...parseQueueArgs("worker", process.argv.slice(2)),
  worker: {
    ...(name ? { name } : {}),
    ...(lockDuration ? { lockDuration } : {}),
    ...(stalledInterval ? { stalledInterval } : {}),
  },
});
