/**
 * A worker pool running gongwen tasks over the machine's cores, on worker threads (piscina) or child processes. A
 * worker that throws or dies fails only the batch it was working on: the pool replaces it and the batch goes on.
 */
import type { ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { z } from "zod";
import { GongwenError } from "../core/errors.js";
import { parseOptions } from "../core/options.js";
import { sharedCopy } from "../core/resources.js";
import { resourcesWith } from "../pipeline.js";
import type { AnalyzerConfig, StageName } from "../core/schema.js";
import type { TagOptions } from "../tag/schema.js";
import { failedBatch, startProcesses } from "./processes.js";
import type { PoolConfig, SharedResources, TaskOutcome } from "./protocol.js";
import type { Batch, Task, ThreadTask } from "./tasks.js";

/** What a pool's workers are: threads of this process, or processes of their own. */
export const ISOLATIONS = ["thread", "process"] as const;
/** See {@link PoolOptions.isolation}. */
export type Isolation = (typeof ISOLATIONS)[number];

/** Options of {@link createPool}: how many workers, the analyzer each builds, and options for `tag` tasks. */
export interface PoolOptions {
  /** Workers (default: the number of cores). Each loads its own nodejieba (~280 MB). */
  concurrency?: number;
  /**
   * `"thread"` (default): worker threads of this process, which share the tagger weights and the IDF table (one
   * copy per pool). `"process"`: child processes, each with all of its own memory (~100 MB more RSS per worker
   * than a thread, measured) and nothing shared with another worker; one can be killed without harm to the rest.
   */
  isolation?: Isolation;
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
  /** Stops the workers once the pending tasks have finished. */
  close(): Promise<void>;
  /** The worker threads, for monitoring (e.g. `resourceLimits`, `threadId`); none with `isolation: "process"`. */
  readonly threads: readonly Worker[];
  /** The worker processes (`pid`…) with `isolation: "process"`; none with threads. */
  readonly processes: readonly ChildProcess[];
}

/** The options a pool checks itself; the analyzer's and tag's are checked by the analyzer each worker builds. */
const PoolOptionsSchema = z.looseObject({ isolation: z.enum(ISOLATIONS).optional() });

/**
 * A worker module beside this one: `dist/worker.cjs` (threads) or `dist/process-worker.cjs` in the package, the
 * CommonJS builds whichever build loaded the pool. piscina require()s its task module first; on Node 20.19+ a
 * require() of the ESM build goes through require(esm), and a pool closed while that load is under way aborted the
 * whole process (V8 fatal error "IsGraphAsync … instantiated module", ~5% of runs of `createPool().close()`).
 * When gongwen runs from its TypeScript sources (tests, tsx) the module is the `.ts` file and needs tsx's loader.
 */
function workerModule(name: "worker" | "process-worker"): { filename: string; execArgv?: string[] } {
  const fromSources = import.meta.url.endsWith(".ts");
  const filename = fileURLToPath(new URL(`./${name}.${fromSources ? "ts" : "cjs"}`, import.meta.url));
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
function sharedResources(analyzer: AnalyzerConfig): SharedResources {
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

/** A pool's workers: what runs a batch, stops, and can be looked at. */
type Workers = Pick<Pool, "runBatch" | "close" | "threads" | "processes">;

/** Worker threads on piscina, sharing the read-only resources. */
function startThreads(config: PoolConfig, concurrency: number): Workers {
  const piscina = new (piscinaModule().Piscina)({
    ...workerModule("worker"),
    minThreads: concurrency,
    maxThreads: concurrency,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: config,
  });
  // Read once the threads are starting (each loads its engine meanwhile), and sent with every batch.
  const shared = sharedResources(config.analyzer);
  // Each thread pipes its stdout and stderr into the process's, one listener apiece: room for them, so that more
  // than ten threads raise no MaxListenersExceededWarning.
  const outputs = [process.stdout, process.stderr];
  for (const stream of outputs) stream.setMaxListeners(stream.getMaxListeners() + concurrency);
  const running = async (batch: Batch): Promise<TaskOutcome[]> => {
    try {
      const task: ThreadTask = { batch, shared };
      return (await piscina.run(task)) as TaskOutcome[];
    } catch (error) {
      // The worker died (killed, out of memory, process.exit) or the batch could not be cloned.
      return failedBatch(batch, error instanceof Error ? error.message : String(error));
    }
  };
  // piscina's close() terminates a thread still starting with a task in hand: the pending tasks are awaited first.
  const pending = new Set<Promise<TaskOutcome[]>>();
  return {
    get threads() {
      return piscina.threads;
    },
    processes: [],
    runBatch(batch) {
      const outcomes = running(batch);
      pending.add(outcomes);
      void outcomes.then(() => pending.delete(outcomes));
      return outcomes;
    },
    async close() {
      while (pending.size > 0) await Promise.all(pending);
      await piscina.close();
      for (const stream of outputs) stream.setMaxListeners(stream.getMaxListeners() - concurrency);
    },
  };
}

/** Worker processes: nothing shared, so each loads its own resources. */
function startWorkerProcesses(config: PoolConfig, concurrency: number): Workers {
  const workers = startProcesses(config, concurrency, workerModule("process-worker"));
  return {
    threads: [],
    get processes() {
      return workers.processes;
    },
    runBatch: (batch) => workers.runBatch(batch),
    close: () => workers.close(),
  };
}

/**
 * Starts `concurrency` workers (threads, or processes with `isolation: "process"`), each with its own analyzer
 * built on its first task.
 *
 * @example
 * const pool = createPool({ concurrency: 2 });
 * const outcome = await pool.run({ op: "tag", text, format: "jsonl", id: "a1" }); // { ok: true, value: '{"id":"a1",…}' }
 * await pool.close();
 */
export function createPool(options: PoolOptions = {}): Pool {
  const { isolation = "thread" } = parseOptions(PoolOptionsSchema, options, "pool options");
  const concurrency = resolveConcurrency(options.concurrency);
  // tag(text, { userWords }) segments with those words kept whole: the workers' analyzer must too
  const userWords = [...(options.analyzer?.userWords ?? []), ...(options.tag?.userWords ?? [])];
  const analyzer = { ...options.analyzer, ...(userWords.length > 0 ? { userWords } : {}) };
  const config: PoolConfig = { analyzer, ...(options.tag ? { tag: options.tag } : {}) };
  const workers = isolation === "process" ? startWorkerProcesses(config, concurrency) : startThreads(config, concurrency);
  let closing: Promise<void> | undefined;
  const runBatch = (batch: Batch) => (closing ? Promise.resolve(failedBatch(batch, "the pool is closed")) : workers.runBatch(batch));
  return {
    concurrency,
    get threads() {
      return workers.threads;
    },
    get processes() {
      return workers.processes;
    },
    runBatch,
    async run({ op, format, text, id }) {
      const [outcome] = await runBatch({ op, format, inputs: [id === undefined ? { text } : { text, id }] });
      return outcome!;
    },
    close: () => (closing ??= workers.close()),
  };
}
