/**
 * The producer: articles in, tagging jobs out, in bounded `addBulk` batches so that a catalogue of millions streams
 * through with flat memory.
 */
import type { JobsOptions, Queue } from "bullmq";
import { openQueue, type RedisConnection } from "./bullmq.js";
import { checkArticleId, DEFAULT_JOB_OPTIONS, JOB_NAME, jobIdFor, type TaggingJobData } from "./job.js";

export interface EnqueueOptions {
  /** A queue name (opened and closed here, with `connection`) or an open BullMQ Queue (left open). */
  queue: string | Queue;
  /** Redis URL or BullMQ connection options; needed when `queue` is a name. */
  connection?: RedisConnection;
  /** Jobs per `addBulk` call (default 500). */
  batchSize?: number;
  /** A batch is also sent once its texts reach this many UTF-16 units (default 4 million, ~12 MB of JSON). */
  batchChars?: number;
  /** BullMQ job options over the defaults (3 attempts, exponential backoff from 2 s). `jobId` is always ours. */
  jobOptions?: Omit<JobsOptions, "jobId">;
  /** Called after each batch with the number of jobs submitted so far. */
  onProgress?: (submitted: number) => void;
}

export interface EnqueueSummary {
  /** Jobs sent to Redis; those whose id was already in the queue were not added again. */
  submitted: number;
}

/**
 * Adds one tagging job per article. The job id is the article id plus a hash of its text, so enqueuing the same
 * article again adds nothing while its job is still in the queue, and a changed article is tagged again. Texts
 * are not checked here: the workers own the input limits, and a bad text fails its job with its code.
 *
 * @example
 * await enqueueDocuments([{ id: 42, text: "国务院常务会议……", url: "https://…" }], {
 *   connection: "redis://127.0.0.1:6379",
 *   queue: "gongwen-tags",
 * }); // → { submitted: 1 }
 */
export async function enqueueDocuments<T extends TaggingJobData>(
  documents: Iterable<T> | AsyncIterable<T>,
  options: EnqueueOptions,
): Promise<EnqueueSummary> {
  const { batchSize = 500, batchChars = 4_000_000, jobOptions, onProgress } = options;
  const { queue, owned } = await openQueue(options.queue, options.connection);
  const opts = { ...DEFAULT_JOB_OPTIONS, ...jobOptions };
  let batch: { name: string; data: T; opts: JobsOptions }[] = [];
  let batchLength = 0;
  let submitted = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await queue.addBulk(batch);
    submitted += batch.length;
    batch = [];
    batchLength = 0;
    onProgress?.(submitted);
  };
  try {
    let index = 0;
    for await (const document of documents) {
      checkArticleId(document?.id, `document ${index}`);
      batch.push({ name: JOB_NAME, data: document, opts: { ...opts, jobId: jobIdFor(document.id, document.text) } });
      batchLength += typeof document.text === "string" ? document.text.length : 0;
      index += 1;
      if (batch.length >= batchSize || batchLength >= batchChars) await flush();
    }
    await flush();
  } finally {
    if (owned) await queue.close();
  }
  return { submitted };
}
