/**
 * Result readers: the finished jobs of a tagging queue as a stream of plain records, one per article, oldest job
 * first. By default each page of jobs is removed from Redis once the reader has taken it (and asked for more), so
 * running the reader again continues where it stopped and Redis does not grow with the catalogue.
 */
import type { Queue } from "bullmq";
import { z } from "zod";
import { GongwenError } from "../core/errors.js";
import { parseOptions } from "../core/options.js";
import type { Doc } from "../core/schema.js";
import type { Tags } from "../tag/schema.js";
import { connectionSchema, openQueue, queueSchema, type OpenQueue, type RedisConnection } from "./bullmq.js";
import { markQueue, readQueueIdentity, releaseArticles, type Claim } from "./claims.js";
import { articleIdOf, articleKey, isArticleId, keyOf, parseFailureReason, textHash, type ArticleOutcome } from "./job.js";

/**
 * One article's result: `{ id, jobId, textHash, tags }` (`doc` for `output: "doc"` workers), or `error` when that
 * article alone could not be tagged (bad input, with its code). `jobId` is the job that carried it.
 */
export type QueueResult = ArticleOutcome & { jobId: string };

/** An article of a job that failed as a whole: its code (when gongwen set one) and message, and the attempts made. */
export interface QueueFailure {
  /** The article's id; absent when the job's data could not be read (a bundle whose stored data is not JSON). */
  id?: string | number;
  jobId: string;
  error: { code?: string; message: string };
  attemptsMade: number;
}

/** Options of {@link readResults} and {@link readFailures}. */
export interface ReadResultsOptions {
  /** A queue name (opened and closed here, with `connection`) or an open BullMQ Queue (left open). */
  queue: string | OpenQueue;
  connection?: RedisConnection;
  /**
   * Leave the jobs in Redis (default: remove each page once the reader moves past it). Kept jobs are paged by
   * position, so with `wait` a job finishing in the same millisecond as the last one read can be missed: to follow
   * a running queue, use the default.
   */
  keep?: boolean;
  /**
   * Keep reading until no job is waiting, delayed or active (default: stop when nothing is finished yet). A queue
   * whose keys vanish meanwhile (Redis restarted without persistence) ends the reading with QUEUE_LOST.
   */
  wait?: boolean;
  /** Jobs fetched per round trip (default 20: up to 640 articles in bundles of 32). */
  pageSize?: number;
  /** Pause between polls while waiting, in ms (default 500). */
  pollInterval?: number;
}

const ReadResultsOptionsSchema: z.ZodType<ReadResultsOptions> = z.object({
  queue: queueSchema,
  connection: connectionSchema.optional(),
  keep: z.boolean().optional(),
  wait: z.boolean().optional(),
  pageSize: z.number().int().positive().max(10_000).optional(),
  pollInterval: z.number().int().nonnegative().optional(),
});

type Finished = "completed" | "failed";
type JobLike = { id?: string; data: unknown; returnvalue: unknown; failedReason: string; attemptsMade: number };
/** A job's records, and the claims to delete once the job is removed. */
type Read<T> = { records: T[]; claims: Claim[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The articles of a bundle job's data, or undefined for a job of one article. */
function bundleMembers(job: JobLike | undefined): { id: unknown; text: unknown }[] | undefined {
  const articles = (job?.data as { articles?: unknown } | undefined)?.articles;
  return Array.isArray(articles) ? (articles as { id: unknown; text: unknown }[]) : undefined;
}

/** The article id of a job of one article, from its data, or from its job id when the data is unreadable. */
function singleId(job: JobLike | undefined, jobId: string): string | number {
  const id = (job?.data as { id?: unknown } | undefined)?.id;
  return isArticleId(id) ? id : articleIdOf(jobId);
}

function toResults(job: JobLike | undefined, jobId: string): Read<QueueResult> {
  const value = job?.returnvalue;
  // A bundle returned the JSON text of its outcomes (see worker.ts).
  if (typeof value === "string") {
    const outcomes = JSON.parse(value) as ArticleOutcome[];
    return {
      records: outcomes.map((outcome) => ({ ...outcome, jobId })),
      claims: outcomes.map(({ id, textHash: hash }) => [keyOf(id, hash), jobId] as const),
    };
  }
  // A job of one article returned its tags (or Doc) itself.
  const id = singleId(job, jobId);
  const hash = textHash((job?.data as { text?: unknown } | undefined)?.text);
  const result = value as Tags | Doc;
  const isTags = typeof result === "object" && result !== null && "schemaVersion" in result;
  const record: QueueResult = isTags ? { id, textHash: hash, tags: result, jobId } : { id, textHash: hash, doc: result as Doc, jobId };
  return { records: [record], claims: [] };
}

function toFailures(job: JobLike | undefined, jobId: string): Read<QueueFailure> {
  const reason = job ? job.failedReason : "INVALID_INPUT: job data is not valid JSON";
  const common = { jobId, error: parseFailureReason(reason ?? ""), attemptsMade: job?.attemptsMade ?? 0 };
  const articles = bundleMembers(job);
  if (articles) {
    const valid = articles.filter((article) => isArticleId(article?.id)) as { id: string | number; text: unknown }[];
    return {
      records: valid.map(({ id }) => ({ id, ...common })),
      claims: valid.map(({ id, text }) => [articleKey(id, text), jobId] as const),
    };
  }
  // A bundle whose data was not JSON, stored back by the worker as { unreadableData } alone: no id can be known.
  const data = job?.data as { id?: unknown; unreadableData?: unknown } | undefined;
  const unreadableBundle = data !== undefined && data.unreadableData !== undefined && data.id === undefined;
  return { records: [unreadableBundle ? common : { id: singleId(job, jobId), ...common }], claims: [] };
}

/** Throws QUEUE_LOST when the queue's identity (see claims.ts) is not the one this reader started with. */
async function checkNotLost(queue: Queue, identity: string): Promise<void> {
  if ((await readQueueIdentity(queue)) === identity) return;
  throw new GongwenError(
    "QUEUE_LOST",
    `queue "${queue.name}" vanished from Redis while it was read (its keys are gone: a restart without persistence, a FLUSHALL?); the jobs not yet finished are lost: enqueue them again`,
  );
}

/** Nothing left that could still finish. */
async function idle(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children");
  return Object.values(counts).every((count) => count === 0);
}

async function* readFinished<T>(
  state: Finished,
  options: ReadResultsOptions,
  read: (job: JobLike | undefined, jobId: string) => Read<T>,
): AsyncGenerator<T> {
  const parsed = parseOptions(ReadResultsOptionsSchema, options, "result reader options");
  const { keep = false, wait = false, pageSize = 20, pollInterval = 500 } = parsed;
  const { queue, owned, failure } = await openQueue(parsed.queue, parsed.connection);
  const page = (offset: number) => queue.getRanges([state], offset, offset + pageSize - 1, true);
  let offset = 0;
  try {
    const identity = wait ? await markQueue(queue) : undefined;
    for (;;) {
      let ids = await page(offset);
      if (ids.length === 0) {
        if (identity === undefined) return;
        // Idle first, then look again: a job that finished in between is in the second look.
        const done = await idle(queue);
        ids = await page(offset);
        if (ids.length === 0) {
          // An empty queue is also what a lost one looks like.
          await checkNotLost(queue, identity);
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
      const claims: Claim[] = [];
      for (const [index, jobId] of ids.entries()) {
        const job = jobs[index];
        if (job === null) continue;
        const { records, claims: held } = read(job, jobId);
        yield* records;
        claims.push(...held);
      }
      if (keep) offset += ids.length;
      else {
        await Promise.all(ids.map((jobId) => queue.remove(jobId)));
        // After the jobs: a claim left behind by a crash here names a job that is gone, so it holds nothing.
        await releaseArticles(queue, claims);
      }
    }
  } catch (error) {
    throw failure(error);
  } finally {
    if (owned) await queue.close();
  }
}

/**
 * One record per article of the completed jobs, oldest job first: `{ id, jobId, textHash, tags }` (or `doc`), or
 * `{ id, jobId, textHash, error: { code, message } }` for an article that could not be tagged (bad input). Each
 * article tagged comes out once. A page of jobs is removed from Redis when you ask for the record after it, so a
 * reader that crashes mid-page repeats that page next time and never loses one.
 *
 * @example
 * for await (const result of readResults({ connection: "redis://127.0.0.1:6379", queue: "gongwen-tags" })) {
 *   if ("tags" in result) await cms.saveTags(result.id, result.tags);
 *   else if ("error" in result) console.error(result.id, result.error.code); // 7 INPUT_TOO_LARGE
 * }
 */
export function readResults(options: ReadResultsOptions): AsyncGenerator<QueueResult> {
  return readFinished("completed", options, toResults);
}

/**
 * The articles of jobs that failed as a whole, as `{ id, jobId, error, attemptsMade }`: a job of one article with
 * bad input (at once) or another error (after its attempts), or a bundle whose data could not be read. An article
 * of a bundle that fails alone is a result with an `error` instead (see {@link readResults}).
 *
 * @example
 * for await (const failure of readFailures({ connection, queue: "gongwen-tags", keep: true })) {
 *   console.error(failure.id, failure.error.code, failure.error.message); // 7 INPUT_TOO_LARGE input has …
 * }
 */
export function readFailures(options: ReadResultsOptions): AsyncGenerator<QueueFailure> {
  return readFinished("failed", options, toFailures);
}
