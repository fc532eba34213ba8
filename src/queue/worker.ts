/**
 * The tagging worker: a BullMQ Worker that hands each job's text to gongwen's worker pool (src/batch) and returns
 * `tag()` (or `analyze()`) of it.
 *
 * Tagging runs on a worker thread, not on the thread that talks to Redis: a long document (a 1 MB text takes
 * seconds) then never stops BullMQ from renewing the job's lock, so it is never mistaken for a stalled job, and
 * SIGTERM is heard at once. Each tagging thread loads nodejieba once and keeps it for the life of the process.
 */
import { hostname } from "node:os";
import type { Job, JobJson, Worker, WorkerOptions } from "bullmq";
import { createPool } from "../batch/pool.js";
import { GongwenError, isGongwenError } from "../errors.js";
import { checkInput } from "../pipeline.js";
import { DEFAULT_MAX_INPUT_LENGTH, type AnalyzerConfig, type Doc } from "../schema.js";
import type { TagOptions, Tags } from "../tag/schema.js";
import { connectionOptions, loadBullmq, type RedisConnection } from "./bullmq.js";
import { articleIdOf, failureReason, PERMANENT_CODES } from "./job.js";

/** Job results: `Tags` by default, the whole `Doc` with `output: "doc"`. */
export type TaggingResult = Tags | Doc;
export type TaggingWorker = Worker<unknown, TaggingResult>;

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
  /** `tags` (default): each job returns `tag(text, tagOptions)`; `doc`: `analyze(text)` with `analyzer` options. */
  output?: "tags" | "doc";
  tagOptions?: TagOptions;
  /** Analyzer options (userWords, referenceDate…); the pool adds `tagOptions.userWords` to them. */
  analyzer?: AnalyzerConfig;
  /** Longest text accepted, in UTF-16 units (default 10 million); longer jobs fail with INPUT_TOO_LARGE. */
  maxInputLength?: number;
  /** BullMQ worker settings passed through (lockDuration, stalledInterval, removeOnComplete, name…). */
  worker?: Omit<WorkerOptions, "connection" | "concurrency" | "autorun">;
}

/** Text used to load the dictionaries and check the options before the first job is taken. */
const WARM_UP_TEXT = "2024年3月5日，国务院常务会议研究部署加快发展新质生产力。";

/** Jobs whose stored data is not JSON: BullMQ cannot build them, so they get empty data and this note. */
const unreadable = new WeakMap<object, { raw: string; error: string }>();

/**
 * Data that is not JSON breaks every reader of the job (BullMQ itself, dashboards, `readFailures`), so it is
 * stored back as JSON, `{ id, unreadableData: "<the raw text>" }`, before the job fails with INVALID_INPUT.
 */
async function quarantine(job: Job<unknown>): Promise<void> {
  const note = unreadable.get(job);
  if (note === undefined) return;
  await job.updateData({ id: articleIdOf(job.id ?? ""), unreadableData: note.raw });
  throw new GongwenError("INVALID_INPUT", `job data is not valid JSON (${note.error})`);
}

/** The job's text, or a GongwenError saying why the job carries none. */
function textOf(job: Job<unknown>): string {
  const data = job.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new GongwenError("INVALID_INPUT", "job data must be an object with a text field");
  }
  const text = (data as { text?: unknown }).text;
  if (text === undefined) throw new GongwenError("INVALID_INPUT", "job data has no text field");
  return text as string;
}

/** BullMQ retries any error except UnrecoverableError; the message starts with the code in both cases. */
export function jobError(error: unknown, Unrecoverable: new (message: string) => Error): Error {
  if (isGongwenError(error)) {
    const reason = failureReason(error.code, error.message);
    return PERMANENT_CODES.has(error.code) ? new Unrecoverable(reason) : new Error(reason, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Starts a worker that tags the jobs of `queue`. The tagging threads load nodejieba's dictionaries (and the
 * options are checked) before the first job is taken. Close it with `worker.close()`: it stops taking jobs and
 * resolves when the jobs in hand are finished and the threads have stopped (what the CLI does on SIGTERM).
 *
 * @example
 * const worker = await createTaggingWorker({ connection: "redis://127.0.0.1:6379", queue: "gongwen-tags" });
 * worker.on("completed", (job, tags) => console.log(job.id, tags));
 * process.once("SIGTERM", () => void worker.close());
 */
export async function createTaggingWorker(options: TaggingWorkerOptions): Promise<TaggingWorker> {
  const { connection, queue, concurrency = 1, output = "tags", tagOptions, worker: settings } = options;
  const maxInputLength = options.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH;
  if (output !== "tags" && output !== "doc") {
    throw new GongwenError("INVALID_OPTIONS", `output must be "tags" or "doc", got ${String(output)}`);
  }
  const { Worker: BullWorker, UnrecoverableError } = await loadBullmq();
  const pool = createPool({
    concurrency,
    analyzer: { ...options.analyzer, maxInputLength },
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

  /** Closes the pool with the worker, and turns data that is not JSON into a job that fails (not one stuck). */
  class GongwenWorker extends BullWorker<unknown, TaggingResult> {
    protected override createJob(json: JobJson, jobId: string): Job<unknown, TaggingResult> {
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
        const text = textOf(job);
        // Checked here too, so that a 50 MB text is refused without being copied to a thread.
        checkInput(text, maxInputLength);
        const outcome = await pool.run({ op, text, format: "value" });
        if (!outcome.ok) throw new GongwenError(outcome.code, outcome.message);
        return outcome.value as TaggingResult;
      } catch (error) {
        throw jobError(error, UnrecoverableError);
      }
    },
    {
      // Stored on every job it takes (`processedBy`): which machine and process tagged what.
      name: `${hostname()}:${process.pid}`,
      ...settings,
      connection: connectionOptions(connection),
      // One job more than threads: the next job is fetched from Redis while the threads are busy.
      concurrency: pool.concurrency + 1,
      autorun: false,
    },
  );
  worker.run().catch((error: unknown) => worker.emit("error", error as Error));
  return worker;
}
