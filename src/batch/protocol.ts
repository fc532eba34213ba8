/** What crosses the boundary between the pool and its workers, threads or processes. */
import type { ErrorCode } from "../core/errors.js";
import type { CompactIdf, TaggerWeights } from "../core/resources.js";
import type { AnalyzerConfig } from "../core/schema.js";
import type { TagOptions } from "../tag/schema.js";

/** Fixed for the life of a pool: every worker builds the same analyzer from it. */
export interface PoolConfig {
  analyzer: AnalyzerConfig;
  tag?: TagOptions;
}

/** Worker threads only: the shipped resources the stages read, in SharedArrayBuffers, one copy per pool. */
export interface SharedResources {
  taggerWeights?: TaggerWeights;
  idf?: CompactIdf;
}

/**
 * One record's result: the formatted value, or the error's code and message. A record sent as a raw JSON Lines
 * line also brings back the id the worker read from it.
 */
export type TaskOutcome =
  | { ok: true; value: string | object; id?: string | number }
  | { ok: false; code: ErrorCode; message: string };

