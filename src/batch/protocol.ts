/** What crosses the thread boundary between the pool and its workers. */
import type { ErrorCode } from "../errors.js";
import type { AnalyzerConfig } from "../schema.js";
import type { TagOptions } from "../tag/schema.js";

/** Fixed for the life of a pool: every worker builds the same analyzer from it. */
export interface PoolConfig {
  analyzer: AnalyzerConfig;
  tag?: TagOptions;
}

/** One task's result: the formatted value, or the error's code and message. */
export type TaskOutcome = { ok: true; value: string | object } | { ok: false; code: ErrorCode; message: string };
