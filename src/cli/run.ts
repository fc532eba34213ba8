/**
 * The `gongwen` command: reads records, runs them in this thread (one document) or on the worker pool (several),
 * and writes results in input order. Bad records are reported on stderr with their place and skipped.
 *
 * This thread does as little per record as it can, so that the workers have the cores: JSON Lines records go to
 * the workers as raw lines, in groups (one message each way per group), and come back as finished output
 * strings; each group is written with one call.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { inOrder } from "../batch/ordered.js";
import { createPool, resolveConcurrency, type Pool } from "../batch/pool.js";
import type { TaskOutcome } from "../batch/protocol.js";
import { runBatch, type Batch, type TaskInput } from "../batch/tasks.js";
import { runQueueCommand } from "../queue/cli.js";
import { dictPath } from "../dict.js";
import { createAnalyzer, type Analyzer } from "../analyzer.js";
import { pageFrame } from "../render/html.js";
import { parseCommand, UsageError, USAGE, type CliOptions } from "./args.js";
import { createProgress } from "./progress.js";
import { placeOf, readRecords, resolveSources, totalBytes, type CliRecord } from "./records.js";

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

/** Runs each group of records in this thread (one document: no worker start-up) or on the pool. */
function createRunner(options: CliOptions, single: boolean, documents: number | undefined) {
  let analyzer: Analyzer | undefined;
  let pool: Pool | undefined;
  if (!single) {
    const concurrency = Math.min(resolveConcurrency(options.concurrency), documents ?? Number.POSITIVE_INFINITY);
    pool = createPool({ concurrency, analyzer: options.analyzer, tag: options.tag });
  }
  const context = {
    analyzer: () => (analyzer ??= createAnalyzer(options.analyzer)),
    tag: options.tag,
    maxLength: options.maxLength,
  };
  const run = async (batch: Batch): Promise<TaskOutcome[]> => (pool ? pool.runBatch(batch) : runBatch(context, batch));
  return { run, window: (pool?.concurrency ?? 1) * LOOK_AHEAD_PER_WORKER, close: async () => pool?.close() };
}

async function execute(options: CliOptions, io: CliStreams): Promise<number> {
  const sources = resolveSources(options.inputs, io.stdin.isTTY === true);
  const single = !options.jsonl && sources.length === 1;
  const documents = options.jsonl ? undefined : sources.length;
  const progress = createProgress(io.stderr, io.stderr.isTTY === true && !options.quiet, totalBytes(sources));
  const output = createOutput(options, single);
  const runner = createRunner(options, single, documents);
  const withId = options.format !== "json" || !single;
  const inputOf = (record: CliRecord & { kind: "text" | "line" }): TaskInput => {
    if (record.kind === "line") return { line: record.line, number: record.number };
    return withId ? { text: record.text, id: record.id } : { text: record.text };
  };
  let failed = 0;
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
      stdin: io.stdin,
      groupSize: GROUP_SIZE,
    });
    const start = async (group: CliRecord[]) => {
      const runnable = group.filter((record) => record.kind !== "bad");
      const batch: Batch = { op: options.op, format: options.format, inputs: runnable.map(inputOf) };
      return { group, outcomes: runnable.length > 0 ? await runner.run(batch) : [] };
    };
    for await (const { group, outcomes } of inOrder(groups, start, runner.window)) {
      if (pipeClosed) break;
      let text = "";
      let next = 0;
      for (const record of group) {
        const outcome: TaskOutcome = record.kind === "bad" ? { ok: false, code: record.code, message: record.message } : outcomes[next++]!;
        progress.tick(record.bytes, !outcome.ok);
        if (outcome.ok) {
          text += output.frame(outcome.value as string, record.kind === "text" ? record.id : outcome.id);
        } else {
          failed += 1;
          io.stderr.write(`gongwen: ${placeOf(record)}: ${outcome.code}: ${outcome.message}\n`);
        }
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
  if (!options.quiet && (failed > 0 || io.stderr.isTTY)) {
    const rate = totals.seconds > 0 ? ` (${Math.round(totals.records / totals.seconds)} docs/s)` : "";
    io.stderr.write(
      `gongwen: ${totals.records} records, ${failed} failed, ${(totals.bytes / 1e6).toFixed(1)} MB in ${totals.seconds.toFixed(1)} s${rate}\n`,
    );
  }
  return failed > 0 ? 1 : 0;
}

/** The package version, read from package.json (beside dict/ in the package). */
function version(): string {
  return (JSON.parse(readFileSync(dictPath("../package.json"), "utf8")) as { version: string }).version;
}

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit status.
 *
 * @example
 * process.exitCode = await runCli(["tag", "--jsonl", "items.jsonl"]);
 */
export async function runCli(argv: string[], io: CliStreams = process): Promise<number> {
  const [command, ...rest] = argv;
  // the queue's commands have options of their own; bullmq loads only when one of them runs
  if (command === "worker" || command === "enqueue" || command === "results") return runQueueCommand(command, rest, io);
  let parsed;
  try {
    parsed = parseCommand(argv);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (!usage) throw error;
    io.stderr.write(`gongwen: ${(error as Error).message}\nRun "gongwen --help" for usage.\n`);
    return 2;
  }
  if (parsed.kind === "help") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === "version") {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  return execute(parsed.options, io);
}
