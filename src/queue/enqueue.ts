/**
 * The producer: articles in, bundle jobs out. Articles are read in bounded batches, so that a catalogue of millions
 * streams through with flat memory; each batch costs two short Lua scripts (which articles are already queued, then
 * the claims for the new bundles) and one `addBulk`.
 */
import { randomUUID } from "node:crypto";
import type { JobsOptions } from "bullmq";
import { z } from "zod";
import { parseOptions } from "../core/options.js";
import { connectionSchema, openQueue, queueSchema, type OpenQueue, type RedisConnection } from "./bullmq.js";
import { claimArticles, freeArticles } from "./claims.js";
import {
  articleKey,
  bundleArticles,
  BUNDLE_JOB_NAME,
  checkArticleId,
  DEFAULT_BUNDLE_LIMITS,
  DEFAULT_JOB_OPTIONS,
  textLength,
  type BundleJobData,
  type JobOptions,
  type TaggingJobData,
} from "./job.js";

/** Options of {@link enqueueDocuments}: the queue, how articles are bundled into jobs and how many are sent at once. */
export interface EnqueueOptions {
  /** A queue name (opened and closed here, with `connection`) or an open BullMQ Queue (left open). */
  queue: string | OpenQueue;
  /** Redis URL or BullMQ connection options; needed when `queue` is a name. */
  connection?: RedisConnection;
  /** Most articles per job (default 32); 1 gives every article a job of its own. */
  bundleSize?: number;
  /** Most UTF-16 units of text per job (default 65,536); a longer article is a job of its own. */
  bundleChars?: number;
  /** Articles read before they are checked, bundled and sent, in one round trip (default 1,024: 32 full bundles). */
  batchSize?: number;
  /** A batch is also sent once its texts reach this many UTF-16 units (default 4 million, ~12 MB of JSON). */
  batchChars?: number;
  /** BullMQ job options over the defaults (3 attempts, exponential backoff from 2 s). `jobId` is always ours. */
  jobOptions?: JobOptions;
  /** Called after each batch with the number of articles submitted so far. */
  onProgress?: (submitted: number) => void;
}

const positive = z.number().int().positive();

const EnqueueOptionsSchema: z.ZodType<EnqueueOptions> = z.object({
  queue: queueSchema,
  connection: connectionSchema.optional(),
  bundleSize: positive.max(10_000).optional(),
  bundleChars: positive.optional(),
  batchSize: positive.optional(),
  batchChars: positive.optional(),
  jobOptions: z.custom<JobOptions>((value) => typeof value === "object" && value !== null).optional(),
  onProgress: z.custom<(submitted: number) => void>((value) => typeof value === "function").optional(),
});

/** What {@link enqueueDocuments} did: articles read, added and already queued, and jobs added. */
export interface EnqueueSummary {
  /** Articles read; each was either added or already queued. */
  submitted: number;
  /** Articles added to the queue, in `jobs` jobs. */
  added: number;
  /** Articles not added: a job in the queue already holds the same id and text (or the input repeated it). */
  alreadyQueued: number;
  /** Jobs added. */
  jobs: number;
}

/**
 * Adds articles to the tagging queue, several per job (up to 32 articles or 64K characters; a longer article gets
 * a job of its own). Each article is queued once: an article whose id and text are already held by a job in the
 * queue (waiting, running, or finished and not yet read) is not added again, and a changed article is added and
 * tagged again. Texts are not checked here: the workers own the input limits, and a bad text gets an error result
 * with its code, without failing its neighbours.
 *
 * @example
 * await enqueueDocuments([{ id: 42, text: "国务院常务会议……", url: "https://…" }], {
 *   connection: "redis://127.0.0.1:6379",
 *   queue: "gongwen-tags",
 * }); // → { submitted: 1, added: 1, alreadyQueued: 0, jobs: 1 }
 */
export async function enqueueDocuments<T extends TaggingJobData>(
  documents: Iterable<T> | AsyncIterable<T>,
  options: EnqueueOptions,
): Promise<EnqueueSummary> {
  const parsed = parseOptions(EnqueueOptionsSchema, options, "enqueue options");
  const { batchSize = 1_024, batchChars = 4_000_000, jobOptions, onProgress } = parsed;
  const limits = {
    articles: parsed.bundleSize ?? DEFAULT_BUNDLE_LIMITS.articles,
    chars: parsed.bundleChars ?? DEFAULT_BUNDLE_LIMITS.chars,
  };
  const { queue, owned, failure } = await openQueue(parsed.queue, parsed.connection);
  const opts = { ...DEFAULT_JOB_OPTIONS, ...jobOptions } as JobsOptions;
  const summary: EnqueueSummary = { submitted: 0, added: 0, alreadyQueued: 0, jobs: 0 };
  let batch: T[] = [];
  let batchLength = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const read = batch;
    batch = [];
    batchLength = 0;
    const keys = new Set<string>();
    const distinct: { document: T; key: string }[] = [];
    for (const document of read) {
      const key = articleKey(document.id, document.text);
      if (!keys.has(key)) distinct.push({ document, key });
      keys.add(key);
    }
    const free = await freeArticles(queue, distinct.map(({ key }) => key));
    const bundles = bundleArticles(
      distinct.filter((_, index) => free[index]),
      ({ document }) => textLength(document.text),
      limits,
    ).map((members) => ({ jobId: randomUUID(), members }));
    // A producer racing on the same article may have claimed it since the check: it is then left out here.
    const claimed = await claimArticles(
      queue,
      bundles.flatMap(({ jobId, members }) => members.map(({ key }) => [key, jobId] as const)),
    );
    let index = 0;
    const jobs: { name: string; data: BundleJobData<T>; opts: JobsOptions }[] = [];
    for (const { jobId, members } of bundles) {
      const articles = members.filter(() => claimed[index++]).map(({ document }) => document);
      if (articles.length > 0) jobs.push({ name: BUNDLE_JOB_NAME, data: { articles }, opts: { ...opts, jobId } });
    }
    if (jobs.length > 0) await queue.addBulk(jobs);
    const added = jobs.reduce((sum, job) => sum + job.data.articles.length, 0);
    summary.submitted += read.length;
    summary.added += added;
    summary.alreadyQueued += read.length - added;
    summary.jobs += jobs.length;
    onProgress?.(summary.submitted);
  };

  try {
    let index = 0;
    for await (const document of documents) {
      checkArticleId(document?.id, `document ${index}`);
      batch.push(document);
      batchLength += textLength(document.text);
      index += 1;
      if (batch.length >= batchSize || batchLength >= batchChars) await flush();
    }
    await flush();
  } catch (error) {
    throw failure(error);
  } finally {
    if (owned) await queue.close();
  }
  return summary;
}
