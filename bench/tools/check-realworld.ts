/**
 * Validates the real-world fixture set in test/fixtures/realworld against its own rules (README there):
 * every row of sources.tsv names a file that exists in the part its publisher hashes to, no publisher sits in both
 * parts, every annotation names an existing id, and every annotated string occurs exactly in that item's text
 * (encoding items are decoded first and must equal the UTF-8 item they were made from). Prints counts per part.
 *
 * Usage: npx tsx bench/tools/check-realworld.ts   (exit code 1 when any check fails)
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../../../test/fixtures/realworld");
const COLUMNS = [
  "id", "split", "url", "publisher", "level", "kind", "script", "format", "encoding", "retrieved", "truncated", "note",
] as const;
const KINDS = ["meeting", "policy", "html", "traditional", "polluted", "encoding"] as const;
const LEVELS = [
  "central", "ministry", "province", "city", "county", "township", "university", "enterprise", "court",
  "procuratorate", "epaper", "school",
] as const;
/** Node's WHATWG decoder labels for the encodings the fixtures use. */
const DECODER: Record<string, string> = {
  "utf-8": "utf-8", gb18030: "gb18030", big5: "big5", "utf-16le-bom": "utf-16le", "utf-16be-bom": "utf-16be",
};
/** Fields whose values are labels or normalised forms, not strings of the text. */
const NOT_IN_TEXT = new Set([
  "id", "date", "style", "count", "nesting", "inline", "truncatedList", "parent", "pollution", "pollutionKinds",
  "publishedDate", "note", "encoding", "sourceId", "cmsTitle", "cmsDate",
]);

type Row = Record<(typeof COLUMNS)[number], string>;
const problems: string[] = [];
const fail = (message: string): void => {
  problems.push(message);
};

/** The rule written in the README: sha1(publisher) mod 3 === 0 → heldout, else dev. */
function partOf(publisher: string): "dev" | "heldout" {
  const digest = BigInt(`0x${createHash("sha1").update(publisher, "utf8").digest("hex")}`);
  return digest % 3n === 0n ? "heldout" : "dev";
}

function extensionOf(row: Row): string {
  if (row.kind === "encoding") return "bin";
  return row.format === "html" ? "html" : "txt";
}

function readRows(): Row[] {
  const lines = readFileSync(join(root, "sources.tsv"), "utf8").split("\n").filter((line) => line !== "");
  const header = lines[0]?.split("\t") ?? [];
  if (header.join("\t") !== COLUMNS.join("\t")) fail(`sources.tsv header is not ${COLUMNS.join(",")}`);
  return lines.slice(1).map((line, index) => {
    const cells = line.split("\t");
    if (cells.length !== COLUMNS.length) fail(`sources.tsv line ${index + 2}: ${cells.length} cells`);
    return Object.fromEntries(COLUMNS.map((column, i) => [column, cells[i] ?? ""])) as Row;
  });
}

function textOf(row: Row): string {
  const bytes = readFileSync(join(root, row.split, `${row.id}.${extensionOf(row)}`));
  const label = DECODER[row.encoding];
  if (label === undefined) {
    fail(`${row.id}: unknown encoding ${row.encoding}`);
    return "";
  }
  // fatal: a byte sequence the declared encoding cannot decode is an error, not U+FFFD.
  return new TextDecoder(label, { fatal: true }).decode(bytes);
}

function* stringsIn(value: unknown, key = ""): Generator<string> {
  if (NOT_IN_TEXT.has(key)) return;
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) yield* stringsIn(v, k);
  }
}

function checkRows(rows: Row[]): Map<string, string> {
  const texts = new Map<string, string>();
  const partsOfPublisher = new Map<string, Set<string>>();
  for (const row of rows) {
    if (texts.has(row.id)) fail(`${row.id}: duplicate id`);
    if (!(KINDS as readonly string[]).includes(row.kind)) fail(`${row.id}: kind ${row.kind}`);
    if (!(LEVELS as readonly string[]).includes(row.level)) fail(`${row.id}: level ${row.level}`);
    if (row.truncated !== "yes" && row.truncated !== "no") fail(`${row.id}: truncated must be yes|no`);
    if (!/^https?:\/\//.test(row.url)) fail(`${row.id}: url ${row.url}`);
    if (row.split !== partOf(row.publisher)) fail(`${row.id}: ${row.publisher} hashes to ${partOf(row.publisher)}`);
    partsOfPublisher.set(row.publisher, (partsOfPublisher.get(row.publisher) ?? new Set()).add(row.split));
    const file = join(root, row.split, `${row.id}.${extensionOf(row)}`);
    if (!existsSync(file)) {
      fail(`${row.id}: missing ${file}`);
      continue;
    }
    try {
      texts.set(row.id, textOf(row));
    } catch (error) {
      fail(`${row.id}: does not decode as ${row.encoding} (${String(error)})`);
    }
  }
  for (const [publisher, parts] of partsOfPublisher) {
    if (parts.size > 1) fail(`publisher ${publisher} is in both parts`);
  }
  for (const part of ["dev", "heldout"]) {
    for (const name of existsSync(join(root, part)) ? readdirSync(join(root, part)) : []) {
      const id = name.split(".")[0] ?? "";
      if (!texts.has(id)) fail(`${part}/${name} has no row in sources.tsv`);
    }
  }
  return texts;
}

function checkAnnotations(file: string, texts: Map<string, string>): number {
  const path = join(root, file);
  if (!existsSync(path)) return 0;
  const lines = readFileSync(path, "utf8").split("\n").filter((line) => line !== "");
  for (const [index, line] of lines.entries()) {
    const record = JSON.parse(line) as Record<string, unknown>;
    const id = String(record.id);
    const text = texts.get(id);
    if (text === undefined) {
      fail(`${file}:${index + 1}: id ${id} is not in sources.tsv`);
      continue;
    }
    // a name padded to three characters in a roster (`冯 艳`) is written as `written` and named without the padding
    const written = typeof record.written === "string" ? record.written : undefined;
    if (written !== undefined && written.replace(/\s/gu, "") !== record.name) {
      fail(`${file}:${index + 1} (${id}): name "${String(record.name)}" is not "${written}" without its padding`);
    }
    for (const value of stringsIn(written === undefined ? record : { ...record, name: "" })) {
      if (value !== "" && !text.includes(value)) fail(`${file}:${index + 1} (${id}): "${value}" is not in the text`);
    }
    if (typeof record.date === "string" && !/^(\d{4}|-)-\d{2}-\d{2}$/.test(record.date)) {
      fail(`${file}:${index + 1} (${id}): date ${record.date} is neither YYYY-MM-DD nor --MM-DD`);
    }
    if (Array.isArray(record.markers) && record.count !== record.markers.length) {
      fail(`${file}:${index + 1} (${id}): count ${String(record.count)} but ${record.markers.length} markers`);
    }
    if (typeof record.sourceId === "string" && texts.get(record.sourceId) !== text) {
      fail(`${file}:${index + 1} (${id}): decoded text differs from ${record.sourceId}`);
    }
  }
  return lines.length;
}

const rows = readRows();
const texts = checkRows(rows);
const annotated = Object.fromEntries(
  ["briefs.jsonl", "lists.jsonl", "persons.jsonl", "pages.jsonl"].map((file) => [file, checkAnnotations(file, texts)]),
);

const table = new Map<string, { dev: number; heldout: number }>();
const count = (key: string, part: string): void => {
  const cell = table.get(key) ?? { dev: 0, heldout: 0 };
  if (part === "dev" || part === "heldout") cell[part] += 1;
  table.set(key, cell);
};
for (const row of rows) {
  count(`kind ${row.kind}`, row.split);
  count(`level ${row.level}`, row.split);
  count("all", row.split);
}
console.log("group\tdev\theldout");
for (const [key, cell] of [...table].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${key}\t${cell.dev}\t${cell.heldout}`);
}
console.log(`publishers: ${new Set(rows.map((row) => row.publisher)).size}`);
console.log(`annotation records: ${JSON.stringify(annotated)}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log("ok");
