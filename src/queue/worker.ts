/**
 * The tagging worker: a BullMQ Worker whose processor runs `tag()` (or `analyze()`) on each job's text.
 *
 * Tagging is synchronous CPU work on this process's one nodejieba engine, so a worker process uses one core;
 * run one process per core (or per machine slice) to scale, not a high `concurrency`. `concurrency: 2` lets the
 * next job's Redis round trip overlap the current job's tagging.
 */
import { hostname } from "node:os";
import type { Job, JobJson, Worker, WorkerOptions } from "bullmq";
import { GongwenError, isGongwenError } from "../errors.js";
import { checkInput, createAnalyzer } from "../pipeline.js";
import { DEFAULT_MAX_INPUT_LENGTH, type AnalyzerConfig, type Doc } from "../schema.js";
import { tag } from "../tag/index.js";
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
  /** Jobs held at once by this process (default 1). Tagging is synchronous: more than 2 gains nothing. */
  concurrency?: number;
  /** `tags` (default): each job returns `tag(text, tagOptions)`; `doc`: `analyze(text)` with `analyzer` options. */
  output?: "tags" | "doc";
  tagOptions?: TagOptions;
  /** Analyzer options for `output: "doc"`. */
  analyzer?: AnalyzerConfig;
  /** Longest text accepted, in UTF-16 units (default 10 million); longer jobs fail with INPUT_TOO_LARGE. */
  maxInputLength?: number;
  /**
   * BullMQ worker settings passed through (lockDuration, stalledInterval, removeOnComplete, name…). The lock
   * (default 30 s) must outlast the longest tagging: while tagging, the event loop cannot renew it.
   */
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
 * Starts a worker that tags the jobs of `queue`. nodejieba's dictionaries are loaded (and the options checked)
 * before the first job is taken, once per process however many workers it runs. Close it with `worker.close()`:
 * it stops taking jobs and resolves when the current ones are finished (what the CLI does on SIGTERM).
 *
 * @example
 * const worker = await createTaggingWorker({ connection: "redis://127.0.0.1:6379", queue: "gongwen-tags" });
 * worker.on("completed", (job, tags) => console.log(job.data.id, tags.keywords.map((k) => k.tag)));
 * process.once("SIGTERM", () => void worker.close());
 */
export async function createTaggingWorker(options: TaggingWorkerOptions): Promise<TaggingWorker> {
  const { connection, queue, concurrency = 1, output = "tags", tagOptions, worker: settings } = options;
  const maxInputLength = options.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new GongwenError("INVALID_OPTIONS", `concurrency must be a positive integer, got ${concurrency}`);
  }
  if (output !== "tags" && output !== "doc") {
    throw new GongwenError("INVALID_OPTIONS", `output must be "tags" or "doc", got ${String(output)}`);
  }
  const { Worker: BullWorker, UnrecoverableError } = await loadBullmq();
  const run: (text: string) => TaggingResult =
    output === "doc" ? createAnalyzer(options.analyzer).analyze : (text) => tag(text, tagOptions);
  run(WARM_UP_TEXT);

  /** Turns data that is not JSON into a job that fails with INVALID_INPUT, instead of one stuck in `active`. */
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
  }

  const worker = new GongwenWorker(
    queue,
    async (job) => {
      try {
        await quarantine(job);
        const text = textOf(job);
        checkInput(text, maxInputLength);
        return run(text);
      } catch (error) {
        throw jobError(error, UnrecoverableError);
      }
    },
    // The name is stored on every job it takes (`processedBy`): which machine and process tagged what.
    { name: `${hostname()}:${process.pid}`, ...settings, connection: connectionOptions(connection), concurrency, autorun: false },
  );
  worker.run().catch((error: unknown) => worker.emit("error", error as Error));
  return worker;
}
