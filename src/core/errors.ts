/**
 * Stable error codes. A caller (or a CMS worker) branches on `code`, never on the message.
 *
 * - `INVALID_INPUT`: the text is not a string.
 * - `INVALID_OPTIONS`: options failed validation (the zod issues are in `cause`).
 * - `INPUT_TOO_LARGE`: the text is longer than `maxInputLength`.
 * - `NOT_TEXT`: bytes given to `decode` (or a file given to the CLI) are not text in any encoding (NUL bytes,
 *   control characters: an image, a PDF, a zip).
 * - `DICT_NOT_FOUND`: a dictionary file does not exist (checked before nodejieba sees it: it aborts the process).
 * - `DICT_PARSE`: a dictionary line is malformed; the message names the file and line.
 * - `BINDING_NOT_FOUND`: nodejieba's native addon is missing (install scripts skipped).
 * - `ALIGNMENT`: the segmenter returned words that do not spell the input (a bug: please report it).
 * - `STAGE_ORDER`: a pipeline stage reads a Doc field that no earlier stage writes.
 * - `WORKER_FAILED`: a batch worker died or threw something unexpected while processing a record.
 * - `DEPENDENCY_MISSING`: an optional peer dependency is not installed (`bullmq` or `ioredis` for `gongwen/queue`).
 * - `REDIS_UNAVAILABLE`: `gongwen/queue` could not reach Redis within a few seconds of retrying.
 * - `QUEUE_LOST`: a queue's keys vanished from Redis while it was being read (a restart without persistence, a
 *   FLUSHALL): the jobs waiting or running then are gone.
 */
export type ErrorCode =
  | "INVALID_INPUT"
  | "INVALID_OPTIONS"
  | "INPUT_TOO_LARGE"
  | "NOT_TEXT"
  | "DICT_NOT_FOUND"
  | "DICT_PARSE"
  | "BINDING_NOT_FOUND"
  | "ALIGNMENT"
  | "STAGE_ORDER"
  | "WORKER_FAILED"
  | "DEPENDENCY_MISSING"
  | "REDIS_UNAVAILABLE"
  | "QUEUE_LOST";

/**
 * The one error class gongwen throws on purpose.
 *
 * @example
 * try { analyze(42 as never) } catch (e) { if (e instanceof GongwenError) console.log(e.code) } // "INVALID_INPUT"
 */
export class GongwenError extends Error {
  override readonly name = "GongwenError";
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `error` is a {@link GongwenError}, optionally with the given code. */
export function isGongwenError(error: unknown, code?: ErrorCode): error is GongwenError {
  return error instanceof GongwenError && (code === undefined || error.code === code);
}
