/**
 * Batch analysis over a worker pool: `analyzeMany` and `tagMany` read any (async) iterable of texts or
 * `{ id, text }` records and yield results in input order, with bounded look-ahead.
 */
import { GongwenError, type ErrorCode } from "../core/errors.js";
import type { Doc } from "../core/schema.js";
import type { Tags } from "../tag/schema.js";
import { inOrder } from "./ordered.js";
import { createPool, type Pool, type PoolOptions } from "./pool.js";
import type { Operation } from "./tasks.js";

export { createPool, ISOLATIONS, type Isolation, type Pool, type PoolOptions } from "./pool.js";
export type { TaskOutcome } from "./protocol.js";
export { FORMATS, OPERATIONS, type Batch, type Format, type Operation, type Task, type TaskInput } from "./tasks.js";

/** A text, or a record carrying its own id (kept on the result of `tagMany`). */
export type BatchInput = string | { id?: string | number; text: string };

/** A record that could not be processed. */
export interface BatchFailure {
  /** 0-based position in the input. */
  index: number;
  id?: string | number;
  code: ErrorCode;
  message: string;
}

/** Options of {@link analyzeMany} and {@link tagMany}: the pool's options (or a pool to reuse), a failure handler. */
export interface ManyOptions extends PoolOptions {
  /** A pool to reuse across calls (it is left open); by default a pool is started and closed for this call. */
  pool?: Pool;
  /**
   * Called for each record that fails, which is then skipped. Without it the first failure ends the iteration
   * with a `GongwenError` carrying the record's code.
   */
  onError?: (failure: BatchFailure) => void;
}

/** Records in flight per worker: enough to keep every worker busy while results are consumed. */
const LOOK_AHEAD_PER_WORKER = 2;

/**
 * Runs `op` over the inputs on the pool and yields the values in input order. With `withId` the worker puts each
 * record's id first in its value (no copy of the result in this thread).
 */
async function* many<T>(
  op: Operation,
  withId: boolean,
  inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>,
  options: ManyOptions,
): AsyncGenerator<T> {
  const { pool: given, onError, ...poolOptions } = options;
  const pool = given ?? createPool(poolOptions);
  try {
    const results = inOrder(
      inputs,
      async (input, index) => {
        const isRecord = typeof input === "object" && input !== null;
        // Anything else is passed on as the text: the worker's analyzer rejects a non-string with INVALID_INPUT.
        const text = (isRecord ? input.text : input) as string;
        const id = isRecord ? input.id : undefined;
        const outcome = await pool.run({ op, text, format: "value", ...(withId && id !== undefined ? { id } : {}) });
        return { index, id, outcome };
      },
      pool.concurrency * LOOK_AHEAD_PER_WORKER,
    );
    for await (const { index, id, outcome } of results) {
      if (outcome.ok) {
        yield outcome.value as T;
        continue;
      }
      const failure: BatchFailure = { index, ...(id === undefined ? {} : { id }), code: outcome.code, message: outcome.message };
      if (!onError) throw new GongwenError(outcome.code, `record ${index}${id === undefined ? "" : ` (${id})`}: ${outcome.message}`);
      onError(failure);
    }
  } finally {
    if (!given) await pool.close();
  }
}

/**
 * Analyses many texts on a worker pool (one nodejieba per worker) and yields the Docs in input order.
 *
 * @example
 * for await (const doc of analyzeMany(texts, { concurrency: 2 })) console.log(doc.summary?.text);
 */
export async function* analyzeMany(
  inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>,
  options: ManyOptions = {},
): AsyncGenerator<Doc> {
  yield* many<Doc>("analyze", false, inputs, options);
}

/**
 * Tags many texts on a worker pool and yields the tags in input order, each with the record's `id` when it had one.
 *
 * @example
 * for await (const tags of tagMany(records, { concurrency: 2, tag: { maxPerKind: 5 } })) save(tags.id, tags);
 */
export async function* tagMany(
  inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>,
  options: ManyOptions = {},
): AsyncGenerator<Tags> {
  yield* many<Tags>("tag", true, inputs, options);
}
