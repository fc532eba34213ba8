/**
 * Turns the CLI's inputs (files, globs, stdin, JSON Lines, or the bundled sample) into a stream of record groups. A
 * JSON Lines record stays the raw line: the worker that runs it parses it, so this thread only splits lines. A
 * record found unusable here (a line or file too large) becomes a `bad` record carrying its place, and an input
 * that cannot be read (missing, a directory, no permission) an `unread` one, so each is reported in order with
 * the others and never ends the run; the workers report the rest (not JSON, no text).
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import { dictPath } from "../dict.js";
import { overLimit } from "../batch/jsonl.js";
import { isGongwenError, type ErrorCode } from "../core/errors.js";
import { decode } from "../input/decode.js";
import { expandGlob, hasGlob } from "./glob.js";
import { readLineGroups } from "./lines.js";

/** The bundled sample `--sample` reads (shipped in the package's dict/). */
export const SAMPLE = "samples/meeting-report.txt";

export type CliRecord =
  /** A text; `encoding` says how a file's or stdin's bytes were read (`--verbose` prints it). */
  | { kind: "text"; id: string | number; place: string; text: string; bytes: number; encoding?: { name: string; confidence: number } }
  /** A JSON Lines record, unparsed; its place is `source:number`. */
  | { kind: "line"; source: string; number: number; line: string; bytes: number }
  | { kind: "bad"; place: string; code: ErrorCode; message: string; bytes: number }
  /** An input that could not be read (or not to the end), with the system's code: ENOENT, EISDIR, EACCES… */
  | { kind: "unread"; place: string; code: string; message: string; bytes: 0 };

/**
 * Where a record came from, as error messages name it: a file, `stdin`, or `file:line` for JSON Lines.
 *
 * @example
 * placeOf({ kind: "line", source: "items.jsonl", number: 7, line: "…", bytes: 9 }); // → "items.jsonl:7"
 */
export const placeOf = (record: CliRecord): string => (record.kind === "line" ? `${record.source}:${record.number}` : record.place);

/** Where records come from, resolved before reading so the CLI knows how many documents to expect. */
export type Source =
  | { kind: "file"; path: string }
  | { kind: "stdin" }
  | { kind: "sample" }
  | { kind: "missing"; pattern: string };

/**
 * Expands globs; `-` is stdin, and so is no argument at all.
 *
 * @example
 * resolveSources(["docs/*.txt", "-"], false); // → [{ kind: "file", path: "docs/a.txt" }, { kind: "stdin" }]
 */
export function resolveSources(inputs: readonly string[], sample: boolean): Source[] {
  if (sample) return [{ kind: "sample" }];
  if (inputs.length === 0) return [{ kind: "stdin" }];
  return inputs.flatMap((input): Source[] => {
    if (input === "-") return [{ kind: "stdin" }];
    if (!hasGlob(input)) return [{ kind: "file", path: input }];
    const paths = expandGlob(input);
    return paths.length > 0 ? paths.map((path) => ({ kind: "file", path })) : [{ kind: "missing", pattern: input }];
  });
}

/**
 * Total bytes of the sources when all are files (for a progress percentage), otherwise undefined.
 *
 * @example
 * totalBytes([{ kind: "stdin" }]); // → undefined
 */
export function totalBytes(sources: readonly Source[]): number | undefined {
  let total = 0;
  for (const source of sources) {
    if (source.kind !== "file") return undefined;
    const info = statSync(source.path, { throwIfNoEntry: false });
    total += info?.isFile() ? info.size : 0;
  }
  return total;
}

export interface RecordOptions {
  jsonl: boolean;
  /** Longest text accepted, in UTF-16 units. */
  maxLength: number;
  stdin: AsyncIterable<Buffer | string>;
  /** Most records per group (JSON Lines lines read together are grouped; every other source is a group of one). */
  groupSize: number;
  /** The encoding of files and stdin (default: detected per input; JSON Lines is always UTF-8). */
  encoding?: string;
}

/** UTF-8 needs at most 3 bytes per UTF-16 unit; JSON escapes (`\uXXXX`) at most 6. */
const maxTextBytes = (maxLength: number) => maxLength * 3;
const maxLineBytes = (maxLength: number) => maxLength * 6 + 65_536;

const tooLarge = (place: string, what: string, limit: number, bytes: number): CliRecord => ({
  kind: "bad",
  place,
  code: "INPUT_TOO_LARGE",
  message: overLimit(what, limit),
  bytes,
});

/** The text of a file's or stdin's bytes, read in their encoding; bytes that are no text make a NOT_TEXT record. */
function textRecord(id: string, place: string, content: Buffer, maxLength: number, encoding: string | undefined): CliRecord {
  const bytes = content.length;
  try {
    const decoded = decode(content, encoding === undefined ? {} : { encoding });
    const { text } = decoded;
    if (text.length > maxLength) return tooLarge(place, `text of ${text.length} UTF-16 units`, maxLength, bytes);
    return { kind: "text", id, place, text, bytes, encoding: { name: decoded.encoding, confidence: decoded.confidence } };
  } catch (error) {
    if (!isGongwenError(error, "NOT_TEXT")) throw error;
    return { kind: "bad", place, code: error.code, message: error.message, bytes };
  }
}

/** The lines of a JSON Lines stream in groups of at most `groupSize`; blank lines are skipped. */
async function* jsonLines(stream: AsyncIterable<Buffer | string>, source: string, maxLength: number, groupSize: number) {
  const limit = maxLineBytes(maxLength);
  for await (const lines of readLineGroups(stream, limit)) {
    let group: CliRecord[] = [];
    for (const { number, text, overflow, bytes } of lines) {
      if (overflow) group.push(tooLarge(`${source}:${number}`, `line of ${bytes} bytes`, limit, bytes));
      else if (text.trim() !== "") group.push({ kind: "line", source, number, line: text, bytes });
      if (group.length === groupSize) {
        yield group;
        group = [];
      }
    }
    if (group.length > 0) yield group;
  }
}

async function readAll(stream: AsyncIterable<Buffer | string>, limit: number): Promise<{ content: Buffer; bytes: number; overflow: boolean }> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes <= limit) parts.push(buffer);
  }
  return { content: bytes <= limit ? Buffer.concat(parts) : Buffer.alloc(0), bytes, overflow: bytes > limit };
}

/**
 * An input the system would not read, as `CODE: description` without Node's syscall and path (the place says which).
 *
 * @example
 * unread("nope.txt", Object.assign(new Error("ENOENT: no such file or directory, stat 'nope.txt'"), { code: "ENOENT" }));
 * // → { kind: "unread", place: "nope.txt", code: "ENOENT", message: "no such file or directory", bytes: 0 }
 */
export function unread(place: string, error: unknown): CliRecord {
  const code = (error as NodeJS.ErrnoException).code ?? "EIO";
  const message = error instanceof Error ? error.message : String(error);
  const described = message.startsWith(`${code}: `) ? message.slice(code.length + 2).split(", ")[0]! : message;
  return { kind: "unread", place, code, message: described, bytes: 0 };
}

function fileRecord(path: string, maxLength: number, encoding: string | undefined): CliRecord {
  try {
    const { size } = statSync(path);
    if (size > maxTextBytes(maxLength)) return tooLarge(path, `file of ${size} bytes`, maxTextBytes(maxLength), size);
    return textRecord(path, path, readFileSync(path), maxLength, encoding);
  } catch (error) {
    return unread(path, error);
  }
}

/** The records of a JSON Lines file; an error opening or reading it ends that file alone, after the lines read. */
async function* jsonLinesFile(path: string, maxLength: number, groupSize: number): AsyncGenerator<CliRecord[]> {
  try {
    yield* jsonLines(createReadStream(path, { highWaterMark: 1 << 20 }), path, maxLength, groupSize);
  } catch (error) {
    yield [unread(path, error)];
  }
}

function sampleRecord(): CliRecord {
  const text = readFileSync(dictPath(SAMPLE), "utf8");
  return { kind: "text", id: "sample", place: `gongwen/dict/${SAMPLE}`, text, bytes: Buffer.byteLength(text) };
}

/**
 * The records of every source, in order, in groups.
 *
 * @example
 * for await (const group of readRecords(resolveSources(["items.jsonl"], false), { jsonl: true, maxLength, stdin, groupSize: 16 })) …
 */
export async function* readRecords(sources: readonly Source[], options: RecordOptions): AsyncGenerator<CliRecord[]> {
  const { jsonl, maxLength, stdin, groupSize, encoding } = options;
  for (const source of sources) {
    if (source.kind === "sample") {
      yield [sampleRecord()];
    } else if (source.kind === "missing") {
      yield [{ kind: "unread", place: source.pattern, code: "ENOENT", message: "no file matches", bytes: 0 }];
    } else if (source.kind === "file") {
      yield* jsonl ? jsonLinesFile(source.path, maxLength, groupSize) : [[fileRecord(source.path, maxLength, encoding)]];
    } else if (jsonl) {
      yield* jsonLines(stdin, "stdin", maxLength, groupSize);
    } else {
      const { content, bytes, overflow } = await readAll(stdin, maxTextBytes(maxLength));
      if (overflow) yield [tooLarge("stdin", `input of ${bytes} bytes`, maxTextBytes(maxLength), bytes)];
      else yield [textRecord("-", "stdin", content, maxLength, encoding)];
    }
  }
}

/**
 * stdin with its first chunk read, or undefined when it is empty: `printf '' | gongwen tag` is a usage error, found
 * before any worker starts.
 *
 * @example
 * const input = await nonEmpty(process.stdin); // undefined for an empty pipe
 */
export async function nonEmpty(stream: AsyncIterable<Buffer | string>): Promise<AsyncIterable<Buffer | string> | undefined> {
  const chunks = stream[Symbol.asyncIterator]();
  let first = await chunks.next();
  while (!first.done && first.value.length === 0) first = await chunks.next();
  if (first.done) return undefined;
  const head = first.value;
  return (async function* () {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  })();
}
