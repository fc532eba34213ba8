/**
 * The only module that touches the filesystem: it finds, checks and parses the data files in `dict/`.
 *
 * `dict/` sits beside `src/` in the repository and beside `dist/` in the package, so `../dict/` resolves to the
 * same folder from the sources and from either bundle. Files are read on first use; each caller keeps what it builds
 * from one (a Map, a trie, a set), never the parsed lines, which would double the memory of every table.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GongwenError } from "./core/errors.js";

/** Absolute path of a file in the package's `dict/` folder; throws `DICT_NOT_FOUND` if it is missing. */
export function dictPath(name: string): string {
  const path = fileURLToPath(new URL(`../dict/${name}`, import.meta.url));
  assertFileExists(path);
  return path;
}

/** Throws `DICT_NOT_FOUND` unless `path` exists: nodejieba aborts the whole process on a missing file. */
export function assertFileExists(path: string): void {
  if (!existsSync(path)) throw new GongwenError("DICT_NOT_FOUND", `dictionary file not found: ${path}`);
}

/** One data line of a dictionary file, with its 1-based line number for error messages. */
export interface DictLine {
  line: number;
  fields: string[];
}

/**
 * The data lines of `dict/<name>`: `#` comment lines and blank lines skipped, fields split on `separator`. Not
 * memoised (measured: idf.txt's 50,000 parsed lines kept ~9 MB alive in every process and worker thread after its
 * table was built): callers keep what they build from them.
 */
export function readDictLines(name: string, separator: string | RegExp = /\s+/): DictLine[] {
  return parseDictText(readFileSync(dictPath(name), "utf8"), separator);
}

/**
 * The words of a word list `dict/<name>`, in file order: one word per line, optionally followed by `# reason`;
 * lines starting with `#` are the header and comments.
 */
export function readWordList(name: string): string[] {
  return readDictLines(name, /\s+#/).map((entry) => {
    const word = entry.fields[0]!;
    if (/\s/u.test(word)) throw dictParseError(name, entry, "expected one word per line (a reason goes after `#`)");
    return word;
  });
}

/** A getter of word list `dict/<name>`: reads nothing until first called, then returns the same array. */
export function wordList(name: string): () => readonly string[] {
  let words: readonly string[] | undefined;
  return () => (words ??= readWordList(name));
}

/** Like {@link wordList}, as a set. */
export function wordSet(name: string): () => ReadonlySet<string> {
  let words: ReadonlySet<string> | undefined;
  return () => (words ??= new Set(readWordList(name)));
}

/** Splits dictionary text into data lines (exported for user dictionaries given as text). */
export function parseDictText(text: string, separator: string | RegExp = /\s+/): DictLine[] {
  const out: DictLine[] = [];
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row === "" || row.startsWith("#")) continue;
    out.push({ line: i + 1, fields: row.split(separator) });
  }
  return out;
}

/** A `DICT_PARSE` error that names the file, the line and what is wrong with it. */
export function dictParseError(file: string, entry: DictLine, problem: string): GongwenError {
  return new GongwenError("DICT_PARSE", `${file} line ${entry.line} "${entry.fields.join(" ")}": ${problem}`);
}

/** A jieba user-dictionary entry: `word freq pos`. */
export interface JiebaEntry {
  word: string;
  freq: number;
  pos: string;
}

/** Parses and validates jieba `word freq pos` lines; errors name the line. */
export function parseJiebaEntries(file: string, lines: DictLine[]): JiebaEntry[] {
  return lines.map((entry) => {
    const [word, freq, pos, ...rest] = entry.fields;
    if (!word || rest.length > 0) throw dictParseError(file, entry, "expected `word freq pos`");
    if (freq === undefined || !/^\d+$/.test(freq)) throw dictParseError(file, entry, "frequency is not an integer");
    if (!pos || !/^[a-z]{1,4}$/.test(pos)) throw dictParseError(file, entry, "part of speech is not a jieba tag");
    return { word, freq: Number(freq), pos };
  });
}

/**
 * Writes `content` to a content-addressed file in the OS temp folder and returns its path. nodejieba reads
 * dictionaries only from files and would take our `#` headers for words, so it gets a header-free copy.
 */
export function materialize(label: string, content: string): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 16);
  const folder = join(tmpdir(), "gongwen");
  const path = join(folder, `${label}-${hash}.txt`);
  if (!existsSync(path)) {
    mkdirSync(folder, { recursive: true });
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, content, "utf8");
    renameSync(partial, path);
  }
  return path;
}
