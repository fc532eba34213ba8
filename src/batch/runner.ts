/** What a pool worker, thread or process, runs: batches of records on an analyzer built from the pool's config. */
import { createAnalyzer, type Analyzer } from "../analyzer.js";
import { idfTable, type Resources } from "../core/resources.js";
import { DEFAULT_MAX_INPUT_LENGTH } from "../core/schema.js";
import { runBatch, type Batch } from "./tasks.js";
import type { PoolConfig, SharedResources, TaskOutcome } from "./protocol.js";

/** The pool's shared resources as the analyzer takes them (a process pool shares none: its workers load their own). */
function resourcesOf({ taggerWeights, idf }: SharedResources): Partial<Resources> {
  return { ...(taggerWeights ? { taggerWeights } : {}), ...(idf ? { idf: idfTable(idf) } : {}) };
}

/** A worker's side of the pool. */
export interface BatchRunner {
  /**
   * Loads the segmentation engine's dictionaries (most of a worker's start-up) now, while the pool reads its input,
   * rather than on the first batch. A failure is left for the first batch to report, record by record, with its code.
   */
  warm(): void;
  /** Runs a batch; a thread's first batch brings the pool's shared resources, which its analyzer is built with. */
  run(batch: Batch, shared?: SharedResources): TaskOutcome[];
}

/**
 * A worker's batch runner: its analyzer is built on the first record, so the stages' resources load once per
 * worker, from the pool's shared copy where there is one.
 *
 * @example
 * const runner = batchRunner({ analyzer: {} });
 * runner.run({ op: "segment", format: "text", inputs: [{ text: "指导组成员王鹏" }] }); // → [{ ok: true, value: "指导组 成员 王鹏" }]
 */
export function batchRunner(config: PoolConfig): BatchRunner {
  let analyzer: Analyzer | undefined;
  let resources: Partial<Resources> = {};
  const context = {
    analyzer: () => (analyzer ??= createAnalyzer({ ...config.analyzer, resources })),
    ...(config.tag ? { tag: config.tag } : {}),
    maxLength: config.analyzer.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH,
  };
  return {
    warm() {
      try {
        // the engine is one per thread: this analyzer's segment() loads the one the real analyzer will use
        createAnalyzer({ ...config.analyzer, stages: ["segment"] }).segment("预热");
      } catch {
        // bad options or a missing engine: every record of the first batch fails with the same error and its code
      }
    },
    run(batch, shared) {
      if (shared && !analyzer) resources = resourcesOf(shared);
      return runBatch(context, batch);
    },
  };
}
