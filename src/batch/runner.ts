/** What a pool worker, thread or process, runs: batches of records on an analyzer built from the pool's config. */
import { createAnalyzer, type Analyzer } from "../analyzer.js";
import { idfTable, type Resources } from "../core/resources.js";
import { DEFAULT_MAX_INPUT_LENGTH } from "../core/schema.js";
import { runBatch, type Batch } from "./tasks.js";
import type { PoolConfig, TaskOutcome } from "./protocol.js";

/** The pool's shared resources as the analyzer takes them (a process pool shares none: its workers load their own). */
function sharedResources({ taggerWeights, idf }: NonNullable<PoolConfig["shared"]>): Partial<Resources> {
  return { ...(taggerWeights ? { taggerWeights } : {}), ...(idf ? { idf: idfTable(idf) } : {}) };
}

/**
 * A worker's batch function: its analyzer is built on the first record, so nodejieba's dictionaries load once per
 * worker and only when it has work.
 *
 * @example
 * const work = batchRunner({ analyzer: {} });
 * work({ op: "segment", format: "text", inputs: [{ text: "指导组成员王鹏" }] }); // → [{ ok: true, value: "指导组 成员 王鹏" }]
 */
export function batchRunner(config: PoolConfig): (batch: Batch) => TaskOutcome[] {
  let analyzer: Analyzer | undefined;
  const context = {
    analyzer: () => (analyzer ??= createAnalyzer({ ...config.analyzer, resources: sharedResources(config.shared ?? {}) })),
    ...(config.tag ? { tag: config.tag } : {}),
    maxLength: config.analyzer.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH,
  };
  return (batch) => runBatch(context, batch);
}
