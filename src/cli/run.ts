/**
 * The `gongwen` command: reads records, runs them in this thread (one document) or on the worker pool (several),
 * and writes results in input order. Bad records and unreadable inputs are reported on stderr with their place and
 * skipped; everything else is still written.
 *
 * This thread does as little per record as it can, so that the workers have the cores: JSON Lines records go to
 * the workers as raw lines, in groups (one message each way per group), and come back as finished output
 * strings; each group is written with one call.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Readable, Writable } from "node:stream";
import { inOrder } from "../batch/ordered.js";
import { createPool, resolveConcurrency, type Pool } from "../batch/pool.js";
import type { TaskOutcome } from "../batch/protocol.js";
import { OPERATIONS, runBatch, type Batch, type TaskInput } from "../batch/tasks.js";
import { QUEUE_COMMANDS, runQueueCommand, type QueueCommand } from "../queue/cli.js";
import { dictPath } from "../dict.js";
import { createAnalyzer, type Analyzer } from "../analyzer.js";
import { pageFrame } from "../render/html.js";
import { parseCommand, UsageError, type CliOptions } from "./args.js";
import { commandHelp, USAGE } from "./help.js";
import { createProgress, type Progress } from "./progress.js";
import { nonEmpty, placeOf, readRecords, resolveSources, totalBytes, type CliRecord } from "./records.js";

export interface CliStreams {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

/**
 * JSON Lines records per message to a worker: enough to make the message cost small beside tagging them, few
 * enough that the workers share the work evenly and a slow stdin is not held back (a group is never filled by
 * waiting: it holds the lines already read).
 */
const GROUP_SIZE = 16;
/** Groups in flight per worker: keeps workers busy (and balanced when a long record holds one up) with bounded memory. */
const LOOK_AHEAD_PER_WORKER = 4;

/** Writes `chunk`, waiting for the stream to drain when its buffer is full. */
async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

/** Frames the per-record strings into one output: a JSON value or array, JSON Lines, text blocks, an HTML page. */
function createOutput(options: CliOptions, single: boolean) {
  let count = 0;
  const [head, tail] = pageFrame(`gongwen ${options.op}`);
  return {
    /** The text to write for one result. */
    frame(value: string, id: string | number | undefined): string {
      count += 1;
      switch (options.format) {
        case "json":
          return single ? `${value}\n` : `${count === 1 ? "[\n" : ",\n"}${value}`;
        case "jsonl":
          return `${value}\n`;
        case "text":
          return single ? `${value}\n` : `==> ${id} <==\n${value}\n\n`;
        case "html":
          return `${count === 1 ? head : ""}${value}\n`;
      }
    },
    /** The text that closes the output. */
    end(): string {
      if (options.format === "json" && !single) return count === 0 ? "[]\n" : "\n]\n";
      if (options.format === "html") return `${count === 0 ? head : ""}${tail}`;
      return "";
    },
  };
}

/**
 * Worker threads for the run: as asked, but at most one per core (each holds ~280 MB of dictionaries; more only
 * compete for the cores: `-c 999` once meant 1,010 threads and 10 GB), and at most one per document.
 */
function workerCount(options: CliOptions, documents: number | undefined, progress: Progress): number {
  const cores = availableParallelism();
  const asked = resolveConcurrency(options.concurrency);
  if (asked > cores) progress.note(`gongwen: --concurrency ${asked} is more than the ${cores} cores here; using ${cores}`);
  return Math.min(asked, cores, documents ?? Number.POSITIVE_INFINITY);
}

/** Runs each group of records in this thread (one document: no worker start-up) or on the pool. */
function createRunner(options: CliOptions, concurrency: number | undefined) {
  let analyzer: Analyzer | undefined;
  const { analyzer: analyzerConfig, tag, isolation } = options;
  const pool: Pool | undefined =
    concurrency === undefined ? undefined : createPool({ concurrency, analyzer: analyzerConfig, tag, ...(isolation ? { isolation } : {}) });
  const context = {
    analyzer: () => (analyzer ??= createAnalyzer(options.analyzer)),
    tag: options.tag,
    maxLength: options.maxLength,
  };
  const run = async (batch: Batch): Promise<TaskOutcome[]> => (pool ? pool.runBatch(batch) : runBatch(context, batch));
  return { run, window: (pool?.concurrency ?? 1) * LOOK_AHEAD_PER_WORKER, close: async () => pool?.close() };
}

type Runnable = Extract<CliRecord, { kind: "text" | "line" }>;
const isRunnable = (record: CliRecord): record is Runnable => record.kind === "text" || record.kind === "line";

/**
 * Warns when a JSON Lines id comes again (`file:line: DUPLICATE_ID`): both records are still tagged and written,
 * but a CMS keyed by id keeps only one of them. Holds one entry per distinct id.
 */
function duplicateIds(progress: Progress) {
  const firstSeen = new Map<string, string>();
  return (id: string | number, place: string) => {
    const key = JSON.stringify(id);
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, place);
    else progress.note(`gongwen: ${place}: DUPLICATE_ID: id ${key} was already at ${first}; both results are written`);
  };
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The closing line: records (an input that could not be read is not one), failures, inputs not read, speed. */
function summaryLine(totals: ReturnType<Progress["finish"]>, unreadInputs: number): string {
  const unread = unreadInputs > 0 ? `, ${count(unreadInputs, "input")} not read` : "";
  const perSecond = totals.records / totals.seconds;
  const rate = totals.records > 0 && totals.seconds > 0 ? ` (${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)} docs/s)` : "";
  const size = `${(totals.bytes / 1e6).toFixed(1)} MB in ${totals.seconds.toFixed(1)} s`;
  return `gongwen: ${count(totals.records, "record")}, ${totals.failed} failed${unread}, ${size}${rate}`;
}

/** stdin to read, checked first: nothing typed on a terminal or an empty pipe is a usage error, not an empty run. */
async function stdinFor(options: CliOptions, io: CliStreams): Promise<AsyncIterable<Buffer | string>> {
  const hint = "pass a file, pipe text, or use --sample";
  if (options.inputs.length === 0 && io.stdin.isTTY) throw new UsageError(`no input: ${hint}`);
  const piped = await nonEmpty(io.stdin);
  if (piped === undefined) throw new UsageError(`no input on stdin; ${hint}`);
  return piped;
}

async function execute(options: CliOptions, io: CliStreams): Promise<number> {
  const sources = resolveSources(options.inputs, options.sample);
  const stdin = sources.every((source) => source.kind === "stdin") ? await stdinFor(options, io) : io.stdin;
  const single = !options.jsonl && sources.length === 1;
  const documents = options.jsonl ? undefined : sources.length;
  const progress = createProgress(io.stderr, io.stderr.isTTY === true && !options.quiet, totalBytes(sources));
  const output = createOutput(options, single);
  const runner = createRunner(options, single ? undefined : workerCount(options, documents, progress));
  const withId = options.format !== "json" || !single;
  const inputOf = (record: Runnable): TaskInput => {
    if (record.kind === "line") return { line: record.line, number: record.number };
    return withId ? { text: record.text, id: record.id } : { text: record.text };
  };
  const noteDuplicate = duplicateIds(progress);
  let unreadInputs = 0;
  // The reader of a pipe went away (`gongwen tag … | head`): stop quietly, as Unix tools do.
  let pipeClosed = false;
  const isPipeClosed = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === "EPIPE";
  io.stdout.on("error", (error) => {
    if (isPipeClosed(error)) pipeClosed = true;
  });
  try {
    const groups = readRecords(sources, {
      jsonl: options.jsonl,
      maxLength: options.maxLength,
      stdin,
      groupSize: GROUP_SIZE,
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    });
    const start = async (group: CliRecord[]) => {
      const runnable = group.filter(isRunnable);
      const batch: Batch = { op: options.op, format: options.format, ...options.selection, inputs: runnable.map(inputOf) };
      return { group, outcomes: runnable.length > 0 ? await runner.run(batch) : [] };
    };
    for await (const { group, outcomes } of inOrder(groups, start, runner.window)) {
      if (pipeClosed) break;
      let text = "";
      let next = 0;
      for (const record of group) {
        if (record.kind === "unread") {
          unreadInputs += 1;
          progress.note(`gongwen: ${record.place}: ${record.code}: ${record.message}`);
          continue;
        }
        const outcome: TaskOutcome = record.kind === "bad" ? { ok: false, code: record.code, message: record.message } : outcomes[next++]!;
        progress.tick(record.bytes, !outcome.ok);
        if (!outcome.ok) {
          progress.note(`gongwen: ${placeOf(record)}: ${outcome.code}: ${outcome.message}`);
          continue;
        }
        if (record.kind === "line" && outcome.id !== undefined) noteDuplicate(outcome.id, placeOf(record));
        if (options.verbose && record.kind === "text" && record.encoding) {
          const { name, confidence } = record.encoding;
          progress.note(`gongwen: ${record.place}: read as ${name}${options.encoding === undefined ? ` (detected, confidence ${confidence.toFixed(2)})` : " (--encoding)"}`);
        }
        text += output.frame(outcome.value as string, record.kind === "text" ? record.id : outcome.id);
      }
      if (text !== "") await write(io.stdout, text);
    }
    const end = output.end();
    if (!pipeClosed && end !== "") await write(io.stdout, end);
  } catch (error) {
    if (!isPipeClosed(error)) throw error;
  } finally {
    await runner.close();
  }
  const totals = progress.finish();
  const failed = totals.failed + unreadInputs;
  if (!options.quiet && (failed > 0 || io.stderr.isTTY)) io.stderr.write(`${summaryLine(totals, unreadInputs)}\n`);
  return failed > 0 ? 1 : 0;
}

/** The package version, read from package.json (beside dict/ in the package). */
function version(): string {
  return (JSON.parse(readFileSync(dictPath("../package.json"), "utf8")) as { version: string }).version;
}

const isQueueCommand = (command: string | undefined): command is QueueCommand =>
  (QUEUE_COMMANDS as readonly (string | undefined)[]).includes(command);

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit status.
 *
 * @example
 * process.exitCode = await runCli(["tag", "--jsonl", "items.jsonl"]);
 */
export async function runCli(argv: string[], io: CliStreams = process): Promise<number> {
  const [command, ...rest] = argv;
  // the queue's commands have options (and help) of their own; bullmq loads only when one of them runs
  if (isQueueCommand(command)) return runQueueCommand(command, rest, io);
  if (command === "help" && isQueueCommand(rest[0])) return runQueueCommand(rest[0], ["--help"], io);
  try {
    const parsed = parseCommand(argv);
    if (parsed.kind === "help") {
      io.stdout.write(`${parsed.command ? commandHelp(parsed.command) : USAGE}\n`);
      return 0;
    }
    if (parsed.kind === "version") {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    return await execute(parsed.options, io);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (!usage) throw error;
    const help = (OPERATIONS as readonly (string | undefined)[]).includes(command) ? `gongwen ${command} --help` : "gongwen --help";
    io.stderr.write(`gongwen: ${(error as Error).message}\nRun "${help}" for usage.\n`);
    return 2;
  }
}
