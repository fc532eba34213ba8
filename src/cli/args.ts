/**
 * Command-line arguments, parsed with node:util's parseArgs and checked once here.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import iconv from "iconv-lite";
import { ISOLATIONS, type Isolation } from "../batch/pool.js";
import { FIELDS, FORMATS, OPERATIONS, type Operation, type Selection } from "../batch/tasks.js";
import { positiveInteger } from "../core/options.js";
import { DEFAULT_MAX_INPUT_LENGTH, EngineNameSchema, type AnalyzerConfig } from "../core/schema.js";
import type { TagOptions } from "../tag/schema.js";
import { COMMANDS } from "./help.js";

export interface CliOptions {
  op: Operation;
  inputs: string[];
  /** Read the bundled sample instead of files or stdin. */
  sample: boolean;
  jsonl: boolean;
  /** What JSON results carry (`--fields`, `--compact`). */
  selection: Selection;
  format: (typeof FORMATS)[number];
  concurrency?: number;
  /** Worker threads or processes (`--isolation`). */
  isolation?: Isolation;
  quiet: boolean;
  /** Read files and stdin in this encoding instead of detecting it (`--encoding`). */
  encoding?: string;
  /** Say on stderr which encoding each file was read in (`--verbose`). */
  verbose: boolean;
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

/** `--fields a,b`: names checked against the operation's fields, so a typo is an error rather than an empty result. */
function fieldList(value: string, op: Operation): string[] {
  const fields = value.split(",").map((field) => field.trim()).filter((field) => field !== "");
  const unknown = fields.filter((field) => !FIELDS[op].includes(field));
  if (fields.length === 0 || unknown.length > 0) {
    const named = `unknown field${unknown.length > 1 ? "s" : ""} "${unknown.join('", "')}"`;
    const what = fields.length === 0 ? "--fields expects field names" : named;
    throw new UsageError(`${what} (${op} has ${FIELDS[op].join(", ")})`);
  }
  return fields;
}

/** `help` (of one command, or the global one), `version`, or the options of a command to run. */
export type ParsedCommand = { kind: "help"; command?: Operation } | { kind: "version" } | { kind: "run"; options: CliOptions };

/** A document command's name, or a usage error listing every command (the queue's too). */
function operation(command: string): Operation {
  if ((OPERATIONS as readonly string[]).includes(command)) return command as Operation;
  throw new UsageError(`unknown command "${command}" (expected ${COMMANDS.join(", ")})`);
}

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
      sample: { type: "boolean" },
      jsonl: { type: "boolean" },
      fields: { type: "string" },
      compact: { type: "boolean" },
      format: { type: "string", short: "f" },
      concurrency: { type: "string", short: "c" },
      isolation: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      verbose: { type: "boolean" },
      encoding: { type: "string" },
      engine: { type: "string" },
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
  const [command, ...inputs] = positionals;
  if (command === undefined || command === "help") {
    if (command === undefined && values.version && !values.help) return { kind: "version" };
    return inputs[0] === undefined ? { kind: "help" } : { kind: "help", command: operation(inputs[0]) };
  }
  const op = operation(command);
  if (values.help) return { kind: "help", command: op };
  if (values.version) return { kind: "version" };
  if (values.sample && inputs.length > 0) throw new UsageError("--sample reads the bundled sample only: drop it, or the files");
  const jsonl = values.jsonl ?? false;
  const format = values.format ?? (jsonl ? "jsonl" : "json");
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (expected ${FORMATS.join(", ")})`);
  }
  if ((values.fields !== undefined || values.compact) && format !== "json" && format !== "jsonl") {
    throw new UsageError(`--fields and --compact choose what JSON carries: they need --format json or jsonl, not ${format}`);
  }
  const fields = values.fields === undefined ? undefined : fieldList(values.fields, op);
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
  const isolation = values.isolation as Isolation | undefined;
  if (isolation !== undefined && !ISOLATIONS.includes(isolation)) {
    throw new UsageError(`unknown isolation "${isolation}" (expected ${ISOLATIONS.join(", ")})`);
  }
  if (values.encoding !== undefined && !iconv.encodingExists(values.encoding)) {
    throw new UsageError(`unknown encoding "${values.encoding}" (e.g. utf-8, gb18030, gbk, big5, utf-16le)`);
  }
  const engine = values.engine === undefined ? undefined : EngineNameSchema.safeParse(values.engine);
  if (engine !== undefined && !engine.success) {
    throw new UsageError(`unknown engine "${values.engine}" (expected ${EngineNameSchema.options.join(", ")})`);
  }
  return {
    kind: "run",
    options: {
      op,
      inputs,
      sample: values.sample ?? false,
      jsonl,
      selection: { ...(fields ? { fields } : {}), ...(values.compact ? { compact: true } : {}) },
      format: format as CliOptions["format"],
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(isolation === undefined ? {} : { isolation }),
      quiet: values.quiet ?? false,
      ...(values.encoding === undefined ? {} : { encoding: values.encoding }),
      verbose: values.verbose ?? false,
      maxLength,
      analyzer: { maxInputLength: maxLength, ...(userWords ? { userWords } : {}), ...(engine ? { engine: engine.data } : {}) },
      tag,
    },
  };
}
