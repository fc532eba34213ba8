/**
 * The queue's CLI subcommands, as functions the `gongwen` binary dispatches to (their usage: {@link QUEUE_HELP}):
 *
 *   gongwen worker  --redis redis://127.0.0.1:6379 --queue gongwen-tags [--concurrency N] [--output tags|doc]
 *   gongwen enqueue --redis … --queue … [files.jsonl…]        (one {id, text, …} per line; stdin when no file)
 *   gongwen results --redis … --queue … [--failed] [--keep] [--wait] > tags.jsonl
 *
 * `--redis` defaults to $REDIS_URL, then redis://127.0.0.1:6379; `--queue` to gongwen-tags.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ISOLATIONS } from "../batch/pool.js";
import { GongwenError, isGongwenError } from "../core/errors.js";
import { positiveInteger } from "../core/options.js";
import { describeConnection } from "./bullmq.js";
import { enqueueDocuments } from "./enqueue.js";
import { DEFAULT_QUEUE, isArticleId, type TaggingJobData } from "./job.js";
import { readFailures, readResults } from "./results.js";
import { createTaggingWorker, type TaggingWorkerOptions } from "./worker.js";

/** The streams a command uses (the process's by default; tests pass their own). */
export interface QueueCliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const processIO = (): QueueCliIO => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });

interface CommonArgs {
  /** Redis URL. */
  redis: string;
  queue: string;
  /** No progress or status lines on stderr (errors are still printed). */
  quiet?: boolean;
}

/** The arguments of `gongwen worker`, as {@link parseQueueArgs} reads them and {@link runWorker} takes them. */
export interface WorkerArgs extends CommonArgs {
  concurrency?: number;
  isolation?: TaggingWorkerOptions["isolation"];
  output?: "tags" | "doc";
  tagOptions?: TaggingWorkerOptions["tagOptions"];
  /** BullMQ worker settings (lockDuration, stalledInterval, name…), for programmatic callers. */
  worker?: TaggingWorkerOptions["worker"];
  /** Stops the worker like SIGTERM does (for embedding and tests). */
  signal?: AbortSignal;
}

/** The arguments of `gongwen enqueue`, as {@link parseQueueArgs} reads them and {@link runEnqueue} takes them. */
export interface EnqueueArgs extends CommonArgs {
  /** JSONL files; none (or `-`) reads stdin. */
  files: string[];
}

/** The arguments of `gongwen results`, as {@link parseQueueArgs} reads them and {@link runResults} takes them. */
export interface ResultsArgs extends CommonArgs {
  /** Print the jobs that failed instead of the results. */
  failed?: boolean;
  /** Leave the printed jobs in Redis. */
  keep?: boolean;
  /** Keep printing until the queue has nothing waiting or running. */
  wait?: boolean;
}

const defaultRedis = () => process.env["REDIS_URL"] || "redis://127.0.0.1:6379";

/** Writes a line and resolves once the stream has taken it, so nothing is removed from Redis before it is out. */
function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(`${line}\n`, (error) => (error ? reject(error) : resolve()));
  });
}

/** Logs to stderr, skipping a message identical to the previous one (Redis reconnect errors repeat). */
function logger(io: QueueCliIO, quiet: boolean | undefined) {
  let last = "";
  return {
    info(message: string) {
      if (!quiet) io.stderr.write(`${message}\n`);
    },
    error(message: string) {
      if (message !== last) io.stderr.write(`${message}\n`);
      last = message;
    },
  };
}

/**
 * `gongwen worker`: tags jobs until SIGTERM or SIGINT, then finishes the jobs in hand and exits 0. A second
 * signal exits the process at once; its unfinished jobs are recovered by BullMQ's stalled-job check elsewhere.
 *
 * @example
 * process.exitCode = await runWorker({ redis: "redis://127.0.0.1:6379", queue: "gongwen-tags", concurrency: 2 });
 */
export async function runWorker(args: WorkerArgs, io: QueueCliIO = processIO()): Promise<number> {
  const log = logger(io, args.quiet);
  const where = `queue "${args.queue}" at ${describeConnection(args.redis)}`;
  log.info(`gongwen worker: connecting to ${where}, then loading dictionaries`);
  const worker = await createTaggingWorker({
    connection: args.redis,
    queue: args.queue,
    ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}),
    ...(args.isolation ? { isolation: args.isolation } : {}),
    ...(args.output ? { output: args.output } : {}),
    ...(args.tagOptions ? { tagOptions: args.tagOptions } : {}),
    ...(args.worker ? { worker: args.worker } : {}),
  });
  worker.on("failed", (job, error) => log.error(`gongwen worker: job ${job?.id ?? "?"} failed: ${error.message}`));
  worker.on("error", (error) => log.error(`gongwen worker: ${error.message}`));

  let stopping = false;
  const closed = new Promise<void>((resolve) => {
    const stop = (why: string) => {
      if (stopping) {
        log.info(`gongwen worker: ${why} again, exiting now`);
        process.exit(1);
      }
      stopping = true;
      log.info(`gongwen worker: ${why}, finishing the jobs in hand`);
      void worker.close().then(resolve);
    };
    const onSignal = (signal: NodeJS.Signals) => stop(signal);
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
    args.signal?.addEventListener("abort", () => stop("aborted"), { once: true });
    worker.once("closed", () => {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
    });
  });
  await worker.waitUntilReady();
  if (!stopping) log.info(`gongwen worker: ready (pid ${process.pid}, ${args.concurrency ?? 1} tagging ${args.isolation === "process" ? "processes" : "threads"}) on ${where}`);
  await closed;
  log.info("gongwen worker: closed");
  return 0;
}

/** Valid job data from each JSONL line; bad lines are reported with their place and counted. */
async function* jsonlDocuments(
  files: string[],
  io: QueueCliIO,
  report: (where: string, problem: string) => void,
  onBytes: (bytes: number) => void,
): AsyncGenerator<TaggingJobData> {
  const sources = files.length === 0 ? ["-"] : files;
  for (const file of sources) {
    const input = file === "-" ? io.stdin : createReadStream(file);
    const name = file === "-" ? "stdin" : file;
    let lineNumber = 0;
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNumber += 1;
      onBytes(Buffer.byteLength(line) + 1);
      if (line.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        report(`${name}:${lineNumber}`, "not JSON");
        continue;
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        report(`${name}:${lineNumber}`, "not a JSON object");
        continue;
      }
      const record = value as Partial<TaggingJobData>;
      if (!isArticleId(record.id)) {
        report(`${name}:${lineNumber}`, 'no "id" (a non-empty string or a number)');
        continue;
      }
      if (!("text" in record)) {
        report(`${name}:${lineNumber}`, 'no "text"');
        continue;
      }
      yield record as TaggingJobData;
    }
  }
}

/**
 * `gongwen enqueue`: the articles of JSONL files (one per line) into the queue, in bundles. Lines that are not a
 * JSON object with an id and a text are reported on stderr with their line number and skipped; the exit code is 1
 * when there were any.
 *
 * @example
 * process.exitCode = await runEnqueue({ redis, queue: "gongwen-tags", files: ["articles.jsonl"] });
 */
export async function runEnqueue(args: EnqueueArgs, io: QueueCliIO = processIO()): Promise<number> {
  const log = logger(io, args.quiet);
  const progress = !args.quiet && io.stderr.isTTY === true;
  const files = args.files.filter((file) => file !== "-");
  const totalBytes = (await Promise.all(files.map((file) => stat(file).then((info) => info.size)))).reduce(
    (sum, size) => sum + size,
    0,
  );
  const readsStdin = args.files.length === 0 || args.files.includes("-");
  let bad = 0;
  let bytes = 0;
  const report = (where: string, problem: string) => {
    bad += 1;
    io.stderr.write(`${progress ? "\r\x1b[K" : ""}gongwen enqueue: ${where}: ${problem}, skipped\n`);
  };
  const { added, alreadyQueued, jobs } = await enqueueDocuments(
    jsonlDocuments(args.files, io, report, (count) => (bytes += count)),
    {
      connection: args.redis,
      queue: args.queue,
      onProgress: (count) => {
        if (!progress) return;
        const share = readsStdin || totalBytes === 0 ? "" : ` (${Math.min(100, (100 * bytes) / totalBytes).toFixed(1)}%)`;
        io.stderr.write(`\r\x1b[Kenqueued ${count}${share}`);
      },
    },
  );
  if (progress) io.stderr.write("\r\x1b[K");
  const skipped = [
    ...(alreadyQueued > 0 ? [`${alreadyQueued} already queued`] : []),
    ...(bad > 0 ? [`${bad} bad lines skipped`] : []),
  ];
  const counted = `${added} article${added === 1 ? "" : "s"} in ${jobs} job${jobs === 1 ? "" : "s"}`;
  log.info(`gongwen enqueue: ${counted} to queue "${args.queue}"${skipped.map((part) => `, ${part}`).join("")}`);
  return bad > 0 ? 1 : 0;
}

/**
 * `gongwen results`: one JSON line per article on stdout, oldest job first: `{id, jobId, textHash, tags}`, or
 * `{id, jobId, textHash, error: {code, message}}` for an article that could not be tagged; with `--failed`,
 * `{id, jobId, error, attemptsMade}` per article of a job that failed as a whole. Printed jobs are removed from
 * Redis unless `--keep`, page by page once written, so a second run continues where the first stopped.
 *
 * @example
 * process.exitCode = await runResults({ redis, queue: "gongwen-tags", wait: true }); // gongwen results --wait > tags.jsonl
 */
export async function runResults(args: ResultsArgs, io: QueueCliIO = processIO()): Promise<number> {
  const log = logger(io, args.quiet);
  const options = {
    connection: args.redis,
    queue: args.queue,
    ...(args.keep ? { keep: true } : {}),
    ...(args.wait ? { wait: true } : {}),
  };
  const records = args.failed ? readFailures(options) : readResults(options);
  let count = 0;
  for await (const record of records) {
    await writeLine(io.stdout, JSON.stringify(record));
    count += 1;
  }
  log.info(`gongwen results: ${count} ${args.failed ? "failed articles" : "results"} from queue "${args.queue}"`);
  return 0;
}

const COMMON_OPTIONS = {
  redis: { type: "string" },
  queue: { type: "string" },
  quiet: { type: "boolean", short: "q" },
} as const;

/** The subcommands this module provides. */
export const QUEUE_COMMANDS = ["worker", "enqueue", "results"] as const;
/** One of {@link QUEUE_COMMANDS}: `worker`, `enqueue` or `results`. */
export type QueueCommand = (typeof QUEUE_COMMANDS)[number];

const COMMON_HELP = `  --redis <url>   Redis URL (default: $REDIS_URL, then redis://127.0.0.1:6379)
  --queue <name>  queue name (default: ${DEFAULT_QUEUE})
  -q, --quiet     no progress or status lines on stderr (errors are still printed)
  -h, --help      this help`;

const EXIT_HELP = `An unreachable Redis is REDIS_UNAVAILABLE after 5 s of retrying, a missing bullmq or ioredis
DEPENDENCY_MISSING: exit status 1 with one line on stderr; bad arguments exit 2.`;

/** The usage text of each queue subcommand, as `gongwen <command> --help` prints it. */
export const QUEUE_HELP: Readonly<Record<QueueCommand, string>> = {
  worker: `Usage: gongwen worker [options]

Tags the jobs of a Redis queue (gongwen/queue on BullMQ; needs bullmq and ioredis installed) until SIGTERM or
SIGINT, then finishes the jobs in hand and exits 0; a second signal exits at once. Run one per core.

Options:
${COMMON_HELP}
  --concurrency <n>  tagging workers in this process, ~0.4 GB each (default 1)
  --isolation <i>    thread (default) | process: the tagging workers are threads or child processes
  --output <kind>    tags (default): tag() of each article; doc: the whole analyze() Doc

Examples:
  gongwen worker --redis redis://127.0.0.1:6379 --queue gongwen-tags
  REDIS_URL=redis://:secret@10.0.0.5:6379 gongwen worker --concurrency 2

${EXIT_HELP}`,
  enqueue: `Usage: gongwen enqueue [options] [files.jsonl…]

Adds articles to the queue in bundles of up to 32, one JSON object {"id", "text", …your fields} per line (stdin
when no file, or -). An article already queued with the same text is not added again. Lines that are not such an
object are reported by line number and skipped (exit status 1).

Options:
${COMMON_HELP}

Examples:
  gongwen enqueue --redis redis://127.0.0.1:6379 --queue gongwen-tags articles.jsonl
  cms-export --since yesterday | gongwen enqueue

${EXIT_HELP}`,
  results: `Usage: gongwen results [options] > tags.jsonl

Prints one JSON line per tagged article, oldest job first: {"id", "textHash", "tags", "jobId"}, or
{"id", "textHash", "error": {"code", "message"}, "jobId"} for an article that could not be tagged. What is
printed is removed from Redis, so a second run continues where the first stopped.

Options:
${COMMON_HELP}
  --wait    keep printing until nothing is waiting or running; a queue that vanishes meanwhile (Redis
            restarted without persistence) is QUEUE_LOST, exit status 1
  --keep    leave the printed jobs in Redis
  --failed  print the articles of jobs that failed as a whole: {"id", "jobId", "error", "attemptsMade"}

Examples:
  gongwen results --redis redis://127.0.0.1:6379 --queue gongwen-tags --wait > tags.jsonl
  gongwen results --failed --keep > failed.jsonl

${EXIT_HELP}`,
};

/** True when the arguments ask for help (`--help` or `-h` before any `--`). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

/** A flag's value as a positive integer (undefined when absent), or `INVALID_OPTIONS`. */
const positiveFlag = (value: string | undefined, flag: string) =>
  positiveInteger(value, flag, (message) => new GongwenError("INVALID_OPTIONS", message));

/**
 * Parses a queue subcommand's arguments (everything after the subcommand's name).
 *
 * @example
 * parseQueueArgs("worker", ["--queue", "tags", "--concurrency", "2"]);
 * // → { redis: "redis://127.0.0.1:6379", queue: "tags", concurrency: 2 }
 */
export function parseQueueArgs(command: "worker", argv: string[]): WorkerArgs;
export function parseQueueArgs(command: "enqueue", argv: string[]): EnqueueArgs;
export function parseQueueArgs(command: "results", argv: string[]): ResultsArgs;
export function parseQueueArgs(command: QueueCommand, argv: string[]): WorkerArgs | EnqueueArgs | ResultsArgs;
export function parseQueueArgs(command: QueueCommand, argv: string[]): WorkerArgs | EnqueueArgs | ResultsArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: command === "enqueue",
      options: {
        ...COMMON_OPTIONS,
        ...(command === "worker" ? { concurrency: { type: "string" }, isolation: { type: "string" }, output: { type: "string" } } : {}),
        ...(command === "results"
          ? { failed: { type: "boolean" }, keep: { type: "boolean" }, wait: { type: "boolean" } }
          : {}),
      },
    });
    const v = values as Record<string, string | boolean | undefined>;
    const common: CommonArgs = {
      redis: (v["redis"] as string | undefined) ?? defaultRedis(),
      queue: (v["queue"] as string | undefined) ?? DEFAULT_QUEUE,
      ...(v["quiet"] ? { quiet: true } : {}),
    };
    if (command === "enqueue") return { ...common, files: positionals };
    if (command === "results") {
      const flags = (["failed", "keep", "wait"] as const).filter((flag) => v[flag]);
      return { ...common, ...Object.fromEntries(flags.map((flag) => [flag, true])) };
    }
    const output = v["output"] as string | undefined;
    if (output !== undefined && output !== "tags" && output !== "doc") {
      throw new GongwenError("INVALID_OPTIONS", `--output must be tags or doc, got "${output}"`);
    }
    const isolation = v["isolation"] as WorkerArgs["isolation"];
    if (isolation !== undefined && !ISOLATIONS.includes(isolation)) {
      throw new GongwenError("INVALID_OPTIONS", `--isolation must be ${ISOLATIONS.join(" or ")}, got "${isolation}"`);
    }
    const concurrency = positiveFlag(v["concurrency"] as string | undefined, "--concurrency");
    return {
      ...common,
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(isolation ? { isolation } : {}),
      ...(output ? { output } : {}),
    };
  } catch (error) {
    if (isGongwenError(error)) throw error;
    throw new GongwenError("INVALID_OPTIONS", error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/**
 * Parses and runs a queue subcommand; returns the exit code (2 for bad arguments, 1 for other failures, after
 * printing `gongwen <command>: CODE: message` on stderr). `--help` prints {@link QUEUE_HELP} and returns 0.
 *
 * @example
 * if (QUEUE_COMMANDS.includes(name)) process.exitCode = await runQueueCommand(name, process.argv.slice(3));
 */
export async function runQueueCommand(command: QueueCommand, argv: string[], io: QueueCliIO = processIO()): Promise<number> {
  if (asksForHelp(argv)) {
    io.stdout.write(`${QUEUE_HELP[command]}\n`);
    return 0;
  }
  try {
    switch (command) {
      case "worker":
        return await runWorker(parseQueueArgs("worker", argv), io);
      case "enqueue":
        return await runEnqueue(parseQueueArgs("enqueue", argv), io);
      case "results":
        return await runResults(parseQueueArgs("results", argv), io);
    }
  } catch (error) {
    const code = isGongwenError(error) ? error.code : "ERROR";
    io.stderr.write(`gongwen ${command}: ${code}: ${error instanceof Error ? error.message : String(error)}\n`);
    return code === "INVALID_OPTIONS" ? 2 : 1;
  }
}
