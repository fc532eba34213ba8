/**
 * The worker-thread side of the batch pool (a piscina task module, built to `dist/worker.js`). Each worker builds
 * its analyzer once, on its first record, so nodejieba's dictionaries load once per worker.
 */
import { workerData } from "node:worker_threads";
import { createAnalyzer, type Analyzer } from "../analyzer.js";
import { idfTable, type Resources } from "../core/resources.js";
import { DEFAULT_MAX_INPUT_LENGTH } from "../core/schema.js";
import { runBatch, type Batch } from "./tasks.js";
import type { PoolConfig, TaskOutcome } from "./protocol.js";

const config = workerData as PoolConfig;

/** The pool's shared resources as the analyzer takes them. */
function sharedResources({ taggerWeights, idf }: PoolConfig["shared"]): Partial<Resources> {
  return { ...(taggerWeights ? { taggerWeights } : {}), ...(idf ? { idf: idfTable(idf) } : {}) };
}

let analyzer: Analyzer | undefined;
const context = {
  analyzer: () => (analyzer ??= createAnalyzer({ ...config.analyzer, resources: sharedResources(config.shared) })),
  ...(config.tag ? { tag: config.tag } : {}),
  maxLength: config.analyzer.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH,
};

/**
 * Runs a batch of records. Failures come back as data, one per record, not as a rejected promise: structured
 * cloning drops an error's `code`, and the caller needs it.
 */
export default function work(batch: Batch): TaskOutcome[] {
  return runBatch(context, batch);
}
