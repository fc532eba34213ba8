/**
 * The tagging worker: a BullMQ Worker that hands the articles of each job to gongwen's worker pool (src/batch) and
 * returns `tag()` (or `analyze()`) of each.
 *
 * A job carries a bundle of articles (what `enqueueDocuments` adds) or one article (what another producer may
 * add). A bundle returns one outcome per article, tags or the error that stopped that article alone, as JSON text:
 * the tagging thread writes each article's tags as JSON and the bundle's JSON is put together as text, so the tags
 * never become objects on the thread that talks to Redis (no structured clone to read, no object tree for BullMQ to
 * serialise, far less garbage). A job of one article returns its tags, or fails with the error's code.
 *
 * Tagging runs on a worker thread, not on the thread that talks to Redis: a long document (a 1 MB text takes
 * seconds) then never stops BullMQ from renewing the job's lock, so it is never mistaken for a stalled job, and
 * SIGTERM is heard at once. Each tagging thread loads nodejieba once and keeps it for the life of the process.
 */
import { hostname } from "node:os";
import type { Job, JobJson, WorkerOptions } from "bullmq";
import { z } from "zod";
import { createPool, ISOLATIONS, type Isolation } from "../batch/pool.js";
import type { TaskOutcome } from "../batch/protocol.js";
import { GongwenError, isGongwenError, type ErrorCode } from "../core/errors.js";
import { parseOptions } from "../core/options.js";
import { checkInput } from "../core/stage.js";
import { DEFAULT_MAX_INPUT_LENGTH, type AnalyzerConfig, type Doc } from "../core/schema.js";
import type { TagOptions, Tags } from "../tag/schema.js";
import { checkRedis, connectionOptions, connectionSchema, loadBullmq, type RedisConnection } from "./bullmq.js";
import { claimArticles } from "./claims.js";
import {
  articleIdOf,
  BUNDLE_JOB_NAME,
  failureReason,
  isArticleId,
  keyOf,
  PERMANENT_CODES,
  textHash,
  type ArticleOutcome,
  type TaggingJobData,
} from "./job.js";

/** What a job of one article returns: `Tags` by default, the whole `Doc` with `output: "doc"`. */
export type TaggingResult = Tags | Doc;
/** A job as the worker's events show it (a BullMQ `Job`). */
export interface TaggingJob {
  readonly id?: string;
  readonly name: string;
  readonly data: unknown;
  readonly attemptsMade: number;
  /** The name of the worker that took it (`host:pid` by default). */
  readonly processedBy?: string;
}

/** The events of a {@link TaggingWorker} and their listeners. */
export interface TaggingWorkerEvents {
  /** A bundle's result is the JSON text of its `ArticleOutcome[]`; a job of one article's is its `Tags` (or `Doc`). */
  completed: (job: TaggingJob, result: string | TaggingResult) => void;
  /** The job failed (it is retried unless the error is permanent or this was its last attempt). */
  failed: (job: TaggingJob | undefined, error: Error) => void;
  /** A connection error (the worker reconnects by itself). */
  error: (error: Error) => void;
  /** Closed: the jobs in hand are finished and the tagging threads stopped. */
  closed: () => void;
}

/**
 * The running worker (a BullMQ `Worker`, described here without BullMQ's types): `close()` stops taking jobs and
 * resolves once the jobs in hand are finished and the tagging threads have stopped.
 */
export interface TaggingWorker {
  /** The worker's name, stored on each job it takes (`processedBy`). */
  readonly name: string;
  /** Stops taking jobs; resolves when the jobs in hand are finished (`force`: at once) and the threads stopped. */
  close(force?: boolean): Promise<void>;
  /** Resolves once the worker's Redis connection is ready. */
  waitUntilReady(): Promise<unknown>;
  /** True while the worker takes jobs. */
  isRunning(): boolean;
  /** Listens to `completed` (see {@link TaggingWorkerEvents}). */
  on(event: "completed", listener: TaggingWorkerEvents["completed"]): this;
  /** Listens to `failed` (see {@link TaggingWorkerEvents}). */
  on(event: "failed", listener: TaggingWorkerEvents["failed"]): this;
  /** Listens to `error` (see {@link TaggingWorkerEvents}). */
  on(event: "error", listener: TaggingWorkerEvents["error"]): this;
  /** Listens to `closed` (see {@link TaggingWorkerEvents}). */
  on(event: "closed", listener: TaggingWorkerEvents["closed"]): this;
  /** Listens once to `completed` (see {@link TaggingWorkerEvents}). */
  once(event: "completed", listener: TaggingWorkerEvents["completed"]): this;
  /** Listens once to `failed` (see {@link TaggingWorkerEvents}). */
  once(event: "failed", listener: TaggingWorkerEvents["failed"]): this;
  /** Listens once to `error` (see {@link TaggingWorkerEvents}). */
  once(event: "error", listener: TaggingWorkerEvents["error"]): this;
  /** Listens once to `closed` (see {@link TaggingWorkerEvents}). */
  once(event: "closed", listener: TaggingWorkerEvents["closed"]): this;
}

/** BullMQ `WorkerOptions` passed through: lockDuration, stalledInterval, maxStalledCount, name… */
export interface WorkerSettings {
  name?: string;
  lockDuration?: number;
  stalledInterval?: number;
  maxStalledCount?: number;
  [option: string]: unknown;
}

/** Options of {@link createTaggingWorker}: `connection` and `queue` are required, the rest optional. */
export interface TaggingWorkerOptions {
  /** Redis URL or BullMQ connection options. */
  connection: RedisConnection;
  /** Queue name (the CLI's default is `gongwen-tags`). */
  queue: string;
  /**
   * Tagging threads in this process (default 1), each with its own nodejieba (~280 MB). One process per core
   * with the default is the simple layout; a higher number uses more cores from one process.
   */
  concurrency?: number;
  /** The tagging workers are threads of this process (`"thread"`, default) or processes of their own (`"process"`). */
  isolation?: Isolation;
  /** `tags` (default): each article gets `tag(text, tagOptions)`; `doc`: `analyze(text)` with `analyzer` options. */
  output?: "tags" | "doc";
  tagOptions?: TagOptions;
  /** Analyzer options (userWords, referenceDate…); the pool adds `tagOptions.userWords` to them. */
  analyzer?: AnalyzerConfig;
  /** Longest text accepted, in UTF-16 units (default 2 million, `DEFAULT_MAX_INPUT_LENGTH`); a longer article gets INPUT_TOO_LARGE. */
  maxInputLength?: number;
  /** BullMQ worker settings passed through (lockDuration, stalledInterval, name…); gongwen sets the connection and concurrency. */
  worker?: WorkerSettings;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const objectSchema = <T>(what: string) => z.custom<T>(isRecord, what);

const TaggingWorkerOptionsSchema: z.ZodType<TaggingWorkerOptions> = z.object({
  connection: connectionSchema,
  queue: z.string().min(1).refine((name) => !name.includes(":"), "a queue name cannot contain ':'"),
  concurrency: z.number().int().positive().max(256).optional(),
  isolation: z.enum(ISOLATIONS).optional(),
  output: z.enum(["tags", "doc"]).optional(),
  // Checked in full by the tagging threads before the first job is taken.
  tagOptions: objectSchema<TagOptions>("tag options").optional(),
  analyzer: objectSchema<AnalyzerConfig>("analyzer options").optional(),
  maxInputLength: z.number().int().positive().optional(),
  worker: objectSchema<WorkerSettings>("BullMQ worker options").optional(),
});

/** Text used to load the dictionaries and check the options before the first job is taken. */
const WARM_UP_TEXT = "2024年3月5日，国务院常务会议研究部署加快发展新质生产力。";

/** Jobs whose stored data is not JSON: BullMQ cannot build them, so they get empty data and this note. */
const unreadable = new WeakMap<object, { raw: string; error: string }>();

/**
 * Data that is not JSON breaks every reader of the job (BullMQ itself, dashboards, `readFailures`), so it is
 * stored back as JSON, `{ id, unreadableData: "<the raw text>" }` (no id for a bundle: it cannot be known), before
 * the job fails with INVALID_INPUT.
 */
async function quarantine(job: Job<unknown>): Promise<void> {
  const note = unreadable.get(job);
  if (note === undefined) return;
  const id = job.name === BUNDLE_JOB_NAME ? {} : { id: articleIdOf(job.id ?? "") };
  await job.updateData({ ...id, unreadableData: note.raw });
  throw new GongwenError("INVALID_INPUT", `job data is not valid JSON (${note.error})`);
}

/** The articles of a bundle job, or undefined for a job of one article; throws when a bundle is malformed. */
function bundleOf(data: unknown): TaggingJobData[] | undefined {
  if (!isRecord(data) || !("articles" in data)) return undefined;
  const { articles } = data;
  // Only a producer outside gongwen can get this wrong: the bundle as a whole is refused.
  if (!Array.isArray(articles) || !articles.every((article) => isRecord(article) && isArticleId(article["id"]))) {
    throw new GongwenError("INVALID_INPUT", 'a bundle\'s "articles" must be an array of objects with an "id"');
  }
  return articles as TaggingJobData[];
}

/** The text of a job of one article, or a GongwenError saying why the job carries none. */
function textOf(data: unknown): unknown {
  if (!isRecord(data)) throw new GongwenError("INVALID_INPUT", "job data must be an object with a text field");
  if (data["text"] === undefined) throw new GongwenError("INVALID_INPUT", "job data has no text field");
  return data["text"];
}

/** BullMQ retries any error except UnrecoverableError; the message starts with the code in both cases. */
export function jobError(error: unknown, Unrecoverable: new (message: string) => Error): Error {
  if (isGongwenError(error)) {
    const reason = failureReason(error.code, error.message);
    return PERMANENT_CODES.has(error.code) ? new Unrecoverable(reason) : new Error(reason, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** One article's tagging: its result (as JSON text in a bundle) or the error's code and message. */
type Tagged<T> = { ok: true; value: T } | Refusal;
type Refusal = { ok: false; code: ErrorCode; message: string };

/** An article of a bundle with its outcome, or undefined when another job holds it (or it came twice). */
type BundleEntry = { id: string | number; hash: string; tagged: Tagged<string> } | undefined;

/**
 * A bundle's outcomes as the JSON text of `ArticleOutcome[]`, or the error to retry the bundle with: an article
 * that failed for a reason another attempt could cure (a tagging thread that died, a dictionary missing on this
 * machine) sends the bundle back, with backoff, unless this is its last attempt; then that article's error is its
 * outcome. Bad input never retries: it is that article's outcome at once.
 *
 * @example
 * bundleOutcomes([{ id: 7, hash: "…", tagged: { ok: false, code: "INPUT_TOO_LARGE", message: "…" } }], "tags", false);
 * // → '[{"id":7,"textHash":"…","error":{"code":"INPUT_TOO_LARGE","message":"…"}}]'
 */
export function bundleOutcomes(entries: readonly BundleEntry[], output: "tags" | "doc", lastAttempt: boolean): string {
  const parts: string[] = [];
  for (const entry of entries) {
    if (entry === undefined) continue;
    const { id, hash, tagged } = entry;
    if (tagged.ok) {
      // The text hash is 16 hex digits and the value is JSON already: only the id needs encoding.
      parts.push(`{"id":${JSON.stringify(id)},"textHash":"${hash}","${output}":${tagged.value}}`);
      continue;
    }
    if (!lastAttempt && !PERMANENT_CODES.has(tagged.code)) {
      throw new GongwenError(tagged.code, `article ${JSON.stringify(id)}: ${tagged.message}`);
    }
    const outcome: ArticleOutcome = { id, textHash: hash, error: { code: tagged.code, message: tagged.message } };
    parts.push(JSON.stringify(outcome));
  }
  return `[${parts.join(",")}]`;
}

/**
 * Starts a worker that tags the jobs of `queue`. The tagging threads load nodejieba's dictionaries (and the
 * options are checked) before the first job is taken. Close it with `worker.close()`: it stops taking jobs and
 * resolves when the jobs in hand are finished and the threads have stopped (what the CLI does on SIGTERM).
 *
 * @example
 * const worker = await createTaggingWorker({ connection: "redis://127.0.0.1:6379", queue: "gongwen-tags" });
 * worker.on("completed", (job, result) => console.log(job.id, result)); // '[{"id":42,"textHash":"…","tags":{…}},…]'
 * process.once("SIGTERM", () => void worker.close());
 */
export async function createTaggingWorker(options: TaggingWorkerOptions): Promise<TaggingWorker> {
  const parsed = parseOptions(TaggingWorkerOptionsSchema, options, "tagging worker options");
  const { connection, queue, concurrency = 1, isolation, output = "tags", tagOptions, worker: settings } = parsed;
  const maxInputLength = parsed.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH;
  const { Worker: BullWorker, UnrecoverableError } = await loadBullmq();
  // Before the dictionaries are loaded: an unreachable Redis is REDIS_UNAVAILABLE in seconds, not a worker that waits.
  await checkRedis(queue, connection);
  const pool = createPool({
    concurrency,
    ...(isolation ? { isolation } : {}),
    analyzer: { ...parsed.analyzer, maxInputLength },
    ...(tagOptions ? { tag: tagOptions } : {}),
  });
  const op = output === "doc" ? "analyze" : "tag";
  const warmUps = await Promise.all(
    Array.from({ length: pool.concurrency }, () => pool.run({ op, text: WARM_UP_TEXT, format: "value" })),
  );
  const failed = warmUps.find((outcome) => !outcome.ok);
  if (failed && !failed.ok) {
    await pool.close();
    throw new GongwenError(failed.code, failed.message);
  }

  /** Why a text cannot be tagged (checked here, so that a 50 MB text is never copied to a thread), or undefined. */
  function refusal(text: unknown): Refusal | undefined {
    try {
      if (text === undefined) throw new GongwenError("INVALID_INPUT", "article has no text field");
      checkInput(text, maxInputLength);
      return undefined;
    } catch (error) {
      if (isGongwenError(error)) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  }

  /**
   * Tags texts on one tagging thread in one message each way, the results as JSON text. If the thread died, the
   * texts are tagged again one by one, so that the one that killed it fails alone.
   */
  async function tagTexts(texts: string[]): Promise<Tagged<string>[]> {
    const tagged = (outcomes: TaskOutcome[]) =>
      outcomes.map((outcome): Tagged<string> => (outcome.ok ? { ok: true, value: outcome.value as string } : outcome));
    const outcomes = await pool.runBatch({ op, format: "jsonl", inputs: texts.map((text) => ({ text })) });
    const died = texts.length > 1 && outcomes.every((outcome) => !outcome.ok && outcome.code === "WORKER_FAILED");
    if (!died) return tagged(outcomes);
    return tagged(await Promise.all(texts.map((text) => pool.run({ op, text, format: "jsonl" }))));
  }

  async function tagBundle(job: Job<unknown>, articles: TaggingJobData[]): Promise<string> {
    const hashes = articles.map((article) => textHash(article.text));
    const keys = articles.map((article, index) => keyOf(article.id, hashes[index]!));
    // Claimed again here: an article that another live job holds (two producers raced) is tagged there, not here.
    const owned = await claimArticles(worker, keys.map((key) => [key, job.id!] as const));
    const entries: BundleEntry[] = articles.map(() => undefined);
    const toTag: number[] = [];
    const seen = new Set<string>();
    articles.forEach((article, index) => {
      // The same article twice in one bundle (from a producer outside gongwen) is tagged once.
      if (!owned[index] || seen.has(keys[index]!)) return;
      seen.add(keys[index]!);
      const refused = refusal(article.text);
      if (refused) entries[index] = { id: article.id, hash: hashes[index]!, tagged: refused };
      else toTag.push(index);
    });
    const tagged = toTag.length > 0 ? await tagTexts(toTag.map((index) => articles[index]!.text)) : [];
    toTag.forEach((index, at) => (entries[index] = { id: articles[index]!.id, hash: hashes[index]!, tagged: tagged[at]! }));
    return bundleOutcomes(entries, output, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }

  async function tagSingle(job: Job<unknown>): Promise<TaggingResult> {
    const text = textOf(job.data);
    const refused = refusal(text);
    if (refused) throw new GongwenError(refused.code, refused.message);
    const outcome = await pool.run({ op, text: text as string, format: "value" });
    if (!outcome.ok) throw new GongwenError(outcome.code, outcome.message);
    return outcome.value as TaggingResult;
  }

  /** Closes the pool with the worker, and turns data that is not JSON into a job that fails (not one stuck). */
  class GongwenWorker extends BullWorker<unknown, string | TaggingResult> {
    protected override createJob(json: JobJson, jobId: string): Job<unknown, string | TaggingResult> {
      try {
        return super.createJob(json, jobId);
      } catch (error) {
        const job = super.createJob({ ...json, data: "{}" }, jobId);
        unreadable.set(job, { raw: String(json.data), error: error instanceof Error ? error.message : String(error) });
        return job;
      }
    }

    private poolClosing: Promise<void> | undefined;

    override async close(force?: boolean): Promise<void> {
      await super.close(force);
      await (this.poolClosing ??= pool.close());
    }
  }

  const worker = new GongwenWorker(
    queue,
    async (job) => {
      try {
        await quarantine(job);
        const articles = bundleOf(job.data);
        return articles ? await tagBundle(job, articles) : await tagSingle(job);
      } catch (error) {
        throw jobError(error, UnrecoverableError);
      }
    },
    {
      // Stored on every job it takes (`processedBy`): which machine and process tagged what.
      name: `${hostname()}:${process.pid}`,
      ...(settings as Omit<WorkerOptions, "connection">),
      connection: connectionOptions(connection, "forever"),
      // One job more than threads: the next job is fetched from Redis while the threads are busy.
      concurrency: pool.concurrency + 1,
      autorun: false,
    },
  );
  worker.run().catch((error: unknown) => worker.emit("error", error as Error));
  return worker;
}
