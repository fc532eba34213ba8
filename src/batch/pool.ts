/**
 * A piscina worker pool running gongwen tasks over the machine's cores. A worker that throws or dies fails only
 * the record it was working on: piscina replaces the thread and the batch goes on.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { GongwenError } from "../core/errors.js";
import { sharedCopy } from "../core/resources.js";
import { resourcesWith } from "../pipeline.js";
import type { AnalyzerConfig, StageName } from "../core/schema.js";
import type { TagOptions } from "../tag/schema.js";
import type { PoolConfig, TaskOutcome } from "./protocol.js";
import type { Batch, Task } from "./tasks.js";

/** Options of {@link createPool}: how many workers, the analyzer each builds, and options for `tag` tasks. */
export interface PoolOptions {
  /** Worker threads (default: the number of cores). Each loads its own nodejieba (~280 MB). */
  concurrency?: number;
  /** The analyzer every worker builds (userWords, maxInputLength…). */
  analyzer?: AnalyzerConfig;
  /** Options for `tag` tasks. */
  tag?: TagOptions;
}

/** A running pool; close it when done (pending tasks finish first). */
export interface Pool {
  readonly concurrency: number;
  /** Runs one task; never rejects: failures come back as `{ ok: false, code, message }`. */
  run(task: Task): Promise<TaskOutcome>;
  /**
   * Runs several records on one worker, in one message each way (cheaper than one task per record when records
   * are small); one outcome per record, in order. Never rejects; a worker that dies fails the whole batch.
   */
  runBatch(batch: Batch): Promise<TaskOutcome[]>;
  /** Stops the worker threads once the pending tasks have finished. */
  close(): Promise<void>;
  /** The worker threads, for monitoring (e.g. `resourceLimits`, `threadId`). */
  readonly threads: readonly Worker[];
}

/**
 * The worker module beside this one: `dist/worker.js` in the package. When gongwen runs from its TypeScript
 * sources (tests, tsx) the worker is `worker.ts` and the thread needs tsx's loader.
 */
function workerModule(): { filename: string; execArgv?: string[] } {
  const fromSources = import.meta.url.endsWith(".ts");
  const filename = fileURLToPath(new URL(fromSources ? "./worker.ts" : "./worker.js", import.meta.url));
  if (!fromSources) return { filename };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return { filename, execArgv: ["--import", tsx] };
}

/** piscina, loaded by the first pool: importing gongwen for one analyze() should not pay for it (~20 ms, ~6 MB). */
const piscinaModule = () => createRequire(import.meta.url)("piscina") as typeof import("piscina");

/**
 * The shipped resources the analyzer's stages read, read here once and shared with every worker rather than read
 * and kept by each (measured: ~20 MB less RSS per added worker): the tagger weights (4.5 MB of typed arrays parsed
 * from a 5.3 MB file) and the IDF table.
 */
function sharedResources(analyzer: AnalyzerConfig): PoolConfig["shared"] {
  const runs = (...stages: StageName[]) => !Array.isArray(analyzer.stages) || stages.some((stage) => analyzer.stages!.includes(stage));
  const shipped = resourcesWith();
  const idf = runs("keywords", "summary") ? shipped.idf.compact : undefined;
  return {
    ...(runs("entities") ? { taggerWeights: sharedCopy(shipped.taggerWeights) } : {}),
    ...(idf ? { idf: sharedCopy(idf) } : {}),
  };
}

/**
 * Checks a requested worker count: a positive integer, default the number of cores.
 *
 * @example
 * resolveConcurrency(undefined); // → 2 on a two-core machine
 */
export function resolveConcurrency(concurrency: number | undefined): number {
  if (concurrency === undefined) return availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new GongwenError("INVALID_OPTIONS", `concurrency must be a positive integer, got ${concurrency}`);
  }
  return concurrency;
}

/**
 * Starts `concurrency` worker threads, each with its own analyzer built on its first task.
 *
 * @example
 * const pool = createPool({ concurrency: 2 });
 * const outcome = await pool.run({ op: "tag", text, format: "jsonl", id: "a1" }); // { ok: true, value: '{"id":"a1",…}' }
 * await pool.close();
 */
export function createPool(options: PoolOptions = {}): Pool {
  const concurrency = resolveConcurrency(options.concurrency);
  // tag(text, { userWords }) segments with those words kept whole: the workers' analyzer must too
  const userWords = [...(options.analyzer?.userWords ?? []), ...(options.tag?.userWords ?? [])];
  const analyzer = { ...options.analyzer, ...(userWords.length > 0 ? { userWords } : {}) };
  const config: PoolConfig = { analyzer, ...(options.tag ? { tag: options.tag } : {}), shared: sharedResources(analyzer) };
  const piscina = new (piscinaModule().Piscina)({
    ...workerModule(),
    minThreads: concurrency,
    maxThreads: concurrency,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: config,
  });
  // Each thread pipes its stdout and stderr into the process's, one listener apiece: room for them, so that more
  // than ten threads raise no MaxListenersExceededWarning.
  const outputs = [process.stdout, process.stderr];
  for (const stream of outputs) stream.setMaxListeners(stream.getMaxListeners() + concurrency);
  const runBatch = async (batch: Batch): Promise<TaskOutcome[]> => {
    try {
      return (await piscina.run(batch)) as TaskOutcome[];
    } catch (error) {
      // The worker died (killed, out of memory, process.exit) or the batch could not be cloned.
      const message = error instanceof Error ? error.message : String(error);
      return batch.inputs.map(() => ({ ok: false, code: "WORKER_FAILED", message }));
    }
  };
  return {
    concurrency,
    get threads() {
      return piscina.threads;
    },
    runBatch,
    async run({ op, format, text, id }) {
      const [outcome] = await runBatch({ op, format, inputs: [id === undefined ? { text } : { text, id }] });
      return outcome!;
    },
    async close() {
      await piscina.close();
      for (const stream of outputs) stream.setMaxListeners(stream.getMaxListeners() - concurrency);
    },
  };
}
