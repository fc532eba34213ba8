/**
 * Result readers: the finished jobs of a tagging queue as a stream of plain records, oldest first. By default
 * each page of results is removed from Redis once the reader has taken it (and asked for more), so running the
 * reader again continues where it stopped and Redis does not grow with the catalogue.
 */
import type { Queue } from "bullmq";
import type { Doc } from "../schema.js";
import type { Tags } from "../tag/schema.js";
import { openQueue, type RedisConnection } from "./bullmq.js";
import { articleIdOf, parseFailureReason } from "./job.js";

/** A completed job: the article id, the job id and what the worker returned (`doc` for `output: "doc"` workers). */
export type QueueResult = { id: string | number; jobId: string; tags: Tags } | { id: string | number; jobId: string; doc: Doc };

/** A job that failed for good: its code (when gongwen set one) and message, and the attempts it had. */
export interface QueueFailure {
  id: string | number;
  jobId: string;
  error: { code?: string; message: string };
  attemptsMade: number;
}

export interface ReadResultsOptions {
  /** A queue name (opened and closed here, with `connection`) or an open BullMQ Queue (left open). */
  queue: string | Queue;
  connection?: RedisConnection;
  /**
   * Leave the jobs in Redis (default: remove each page once the reader moves past it). Kept jobs are paged by
   * position, so with `wait` a job finishing in the same millisecond as the last one read can be missed: to follow
   * a running queue, use the default.
   */
  keep?: boolean;
  /** Keep reading until no job is waiting, delayed or active (default: stop when nothing is finished yet). */
  wait?: boolean;
  /** Jobs fetched per round trip (default 200). */
  pageSize?: number;
  /** Pause between polls while waiting, in ms (default 500). */
  pollInterval?: number;
}

type Finished = "completed" | "failed";
type JobLike = { id?: string; data: unknown; returnvalue: unknown; failedReason: string; attemptsMade: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The article id from the job's data, or from its job id when the data is unreadable. */
function articleId(job: JobLike | undefined, jobId: string): string | number {
  const id = (job?.data as { id?: unknown } | undefined)?.id;
  return typeof id === "string" || typeof id === "number" ? id : articleIdOf(jobId);
}

function toResult(job: JobLike | undefined, jobId: string): QueueResult {
  const id = articleId(job, jobId);
  const value = job?.returnvalue as Tags | Doc;
  const isTags = value && typeof value === "object" && "schemaVersion" in value;
  return isTags ? { id, jobId, tags: value } : { id, jobId, doc: value as Doc };
}

function toFailure(job: JobLike | undefined, jobId: string): QueueFailure {
  const reason = job ? job.failedReason : "INVALID_INPUT: job data is not valid JSON";
  return { id: articleId(job, jobId), jobId, error: parseFailureReason(reason ?? ""), attemptsMade: job?.attemptsMade ?? 0 };
}

/** Nothing left that could still finish. */
async function idle(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children");
  return Object.values(counts).every((count) => count === 0);
}

async function* readFinished<T>(
  state: Finished,
  options: ReadResultsOptions,
  toRecord: (job: JobLike | undefined, jobId: string) => T,
): AsyncGenerator<T> {
  const { keep = false, wait = false, pageSize = 200, pollInterval = 500 } = options;
  const { queue, owned } = await openQueue(options.queue, options.connection);
  const page = (offset: number) => queue.getRanges([state], offset, offset + pageSize - 1, true);
  let offset = 0;
  try {
    for (;;) {
      let ids = await page(offset);
      if (ids.length === 0) {
        if (!wait) return;
        // Idle first, then look again: a job that finished in between is in the second look.
        const done = await idle(queue);
        ids = await page(offset);
        if (ids.length === 0) {
          if (done) return;
          await sleep(pollInterval);
          continue;
        }
      }
      // null: removed meanwhile (by another reader), skipped; undefined: data that is not JSON, which BullMQ
      // cannot build, reported from the job id alone.
      const jobs = await Promise.all(
        ids.map((jobId) => queue.getJob(jobId).then((job) => (job ?? null) as JobLike | null, () => undefined)),
      );
      for (const [index, jobId] of ids.entries()) {
        const job = jobs[index];
        if (job !== null) yield toRecord(job, jobId);
      }
      if (keep) offset += ids.length;
      else await Promise.all(ids.map((jobId) => queue.remove(jobId)));
    }
  } finally {
    if (owned) await queue.close();
  }
}

/**
 * Completed jobs as `{ id, jobId, tags }` (or `doc`), oldest first. A page is removed from Redis when you ask for
 * the record after it, so a reader that crashes mid-page repeats that page next time and never loses one.
 *
 * @example
 * for await (const result of readResults({ connection: "redis://127.0.0.1:6379", queue: "gongwen-tags" })) {
 *   await cms.saveTags(result.id, result.tags);
 * }
 */
export function readResults(options: ReadResultsOptions): AsyncGenerator<QueueResult> {
  return readFinished("completed", options, toResult);
}

/**
 * Jobs that failed for good (bad input at once, other errors after their attempts) as `{ id, jobId, error }`.
 *
 * @example
 * for await (const failure of readFailures({ connection, queue: "gongwen-tags", keep: true })) {
 *   console.error(failure.id, failure.error.code, failure.error.message); // 7 INPUT_TOO_LARGE input has …
 * }
 */
export function readFailures(options: ReadResultsOptions): AsyncGenerator<QueueFailure> {
  return readFinished("failed", options, toFailure);
}
