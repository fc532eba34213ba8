/**
 * Command-line arguments, parsed with node:util's parseArgs and checked once here.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { FORMATS, OPERATIONS, type Operation } from "../batch/tasks.js";
import { positiveInteger } from "../core/options.js";
import { DEFAULT_MAX_INPUT_LENGTH, type AnalyzerConfig } from "../core/schema.js";
import type { TagOptions } from "../tag/schema.js";

export const USAGE = `Usage: gongwen <command> [files, globs or - for stdin] [options]

Commands:
  analyze     the whole document model (tokens, sentences, enumerations, entities, keywords, summary…)
  tag         CMS tags (schema: gongwen/dict/tags.schema.json)
  segment     words with offsets and parts of speech
  summarize   the summary and, for meeting reports, the meeting brief
  outline     the enumerations as a nested outline
  worker      tag jobs from a Redis queue (gongwen/queue; needs bullmq and ioredis installed)
  enqueue     add a JSONL file of {"id", "text"} records to the queue
  results     print finished tags from the queue as JSONL (--failed: the failures)

With no file and nothing piped in, the bundled sample (a meeting report) is analysed.

Options:
  --jsonl                input is JSON Lines, one {"id", "text"} per line; output is one result per line
  -f, --format <f>       json | jsonl | text | html (default: jsonl with --jsonl, json otherwise)
  -c, --concurrency <n>  worker threads for several documents (default: number of cores)
  -q, --quiet            no progress bar and no closing summary on stderr
      --max-length <n>   longest text accepted, in UTF-16 units (default ${DEFAULT_MAX_INPUT_LENGTH})
      --user-words <file>  extra words kept whole, one per line (e.g. a CMS's section names; tag reports them)
      --max-tags <n>     most tags per kind (tag)
      --min-score <x>    drop tags scoring below x, 0…1 (tag)
      --allow <file>     keep only these tags, one per line (tag)
      --deny <file>      never return these tags, one per line (tag)
  -h, --help             this help
  -v, --version          the version

Exit status: 0 when every record succeeded, 1 when any record failed, 2 on a usage error.`;

export interface CliOptions {
  op: Operation;
  inputs: string[];
  jsonl: boolean;
  format: (typeof FORMATS)[number];
  concurrency?: number;
  quiet: boolean;
  maxLength: number;
  analyzer: AnalyzerConfig;
  tag: TagOptions;
}

/** A usage problem: printed with a hint, exit status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A word list file: one entry per line, blank lines and `#` comments skipped. */
function wordList(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read word list ${file}: ${(error as Error).message}`);
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/** A flag's value as a positive integer (undefined when absent), or a usage error. */
const positiveFlag = (value: string | undefined, flag: string) => positiveInteger(value, flag, (message) => new UsageError(message));

/** `help`, `version`, or the options of a command to run. */
export type ParsedCommand = { kind: "help" } | { kind: "version" } | { kind: "run"; options: CliOptions };

/**
 * Parses `argv` (without node and the script).
 *
 * @example
 * parseCommand(["tag", "--jsonl", "items.jsonl", "-c", "2"]); // → { kind: "run", options: { op: "tag", … } }
 */
export function parseCommand(argv: string[]): ParsedCommand {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      jsonl: { type: "boolean" },
      format: { type: "string", short: "f" },
      concurrency: { type: "string", short: "c" },
      quiet: { type: "boolean", short: "q" },
      "max-length": { type: "string" },
      "user-words": { type: "string" },
      "max-tags": { type: "string" },
      "min-score": { type: "string" },
      allow: { type: "string" },
      deny: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, ...inputs] = positionals;
  if (command === undefined || command === "help") return { kind: "help" };
  if (!(OPERATIONS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command "${command}" (expected ${OPERATIONS.join(", ")})`);
  }
  const jsonl = values.jsonl ?? false;
  const format = values.format ?? (jsonl ? "jsonl" : "json");
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (expected ${FORMATS.join(", ")})`);
  }
  const maxLength = positiveFlag(values["max-length"], "--max-length") ?? DEFAULT_MAX_INPUT_LENGTH;
  const userWords = values["user-words"] === undefined ? undefined : wordList(values["user-words"]);
  const minScore = values["min-score"] === undefined ? undefined : Number(values["min-score"]);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) {
    throw new UsageError(`--min-score expects a number from 0 to 1, got "${values["min-score"]}"`);
  }
  const maxTags = values["max-tags"] === undefined ? undefined : Number(values["max-tags"]);
  if (maxTags !== undefined && !(Number.isInteger(maxTags) && maxTags >= 0)) {
    throw new UsageError(`--max-tags expects a whole number, got "${values["max-tags"]}"`);
  }
  const tag: TagOptions = {
    ...(maxTags === undefined ? {} : { maxPerKind: maxTags }),
    ...(minScore === undefined ? {} : { minScore }),
    ...(values.allow === undefined ? {} : { allow: wordList(values.allow) }),
    ...(values.deny === undefined ? {} : { deny: wordList(values.deny) }),
    ...(userWords === undefined ? {} : { userWords }),
  };
  const concurrency = positiveFlag(values.concurrency, "--concurrency");
  return {
    kind: "run",
    options: {
      op: command as Operation,
      inputs,
      jsonl,
      format: format as CliOptions["format"],
      ...(concurrency === undefined ? {} : { concurrency }),
      quiet: values.quiet ?? false,
      maxLength,
      analyzer: { maxInputLength: maxLength, ...(userWords ? { userWords } : {}) },
      tag,
    },
  };
}
