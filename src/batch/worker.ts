/**
 * The worker-thread side of the batch pool (a piscina task module, built to `dist/worker.js`). Each worker builds
 * its analyzer once, on its first task, so nodejieba's dictionaries load once per worker.
 */
import { workerData } from "node:worker_threads";
import { isGongwenError } from "../errors.js";
import { createAnalyzer, type Analyzer } from "../pipeline.js";
import { runTask, type Task } from "./tasks.js";
import type { PoolConfig, TaskOutcome } from "./protocol.js";

let analyzer: Analyzer | undefined;

/**
 * Runs one task. Failures come back as data, not as a rejected promise: structured cloning drops an error's
 * `code`, and the caller needs it.
 */
export default function work(task: Task): TaskOutcome {
  const config = workerData as PoolConfig;
  try {
    analyzer ??= createAnalyzer(config.analyzer);
    return { ok: true, value: runTask(analyzer, config.tag, task) };
  } catch (error) {
    return {
      ok: false,
      code: isGongwenError(error) ? error.code : "WORKER_FAILED",
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
