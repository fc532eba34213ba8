/**
 * Imports the training split of a test set's own corpus into bench/data/ner-train/ (see its README): reads the
 * source file as its repository has it, drops every sentence that a test set (MSRA test, People's Daily
 * example.test, Weibo test) also holds: equal to a test sentence, inside one, holding one, or sharing a clause of
 * ten characters or more with one (the corpora overlap: MSRA's training split holds most of example.test, cut into sentences
 * differently), and those example.dev holds (trained on as it is), and writes the rest gzipped, one `char<TAB>tag` line per character, BIO, a blank line between
 * sentences. Prints the counts the README records.
 *
 *   npx tsx bench/tools/import-ner-train.ts msra <path of msra_train_bio>
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { dataPath, projectRoot } from "../lib/data.js";
import { type BioSentence, readBio } from "./ner-data.js";
import { readWeibo } from "./train-ner-sets.js";

/** Where the imported sets live: in the repository, outside the published package (package.json `files`). */
const IMPORTED_DIR = "bench/data/ner-train";

const [set, source] = process.argv.slice(2);
if (set !== "msra" || !source) {
  console.error("usage: npx tsx bench/tools/import-ner-train.ts msra <path of msra_train_bio>");
  process.exit(2);
}

/**
 * Finds the sentences a set of texts also holds: equal to one, inside one, holding one (of six characters or
 * more), or sharing a clause with one.
 */
function overlapFinder(texts: readonly string[]) {
  const whole = new Set(texts);
  const joined = texts.join("\n");
  const known = new Set(texts.flatMap(clauses));
  // the texts of six characters or more by their first six, to find one inside a longer sentence
  const byPrefix = new Map<string, string[]>();
  for (const text of whole) if (text.length >= 6) byPrefix.set(text.slice(0, 6), [...(byPrefix.get(text.slice(0, 6)) ?? []), text]);
  const holds = (text: string) => {
    for (let i = 0; i + 6 <= text.length; i++) if (byPrefix.get(text.slice(i, i + 6))?.some((t) => text.startsWith(t, i))) return true;
    return false;
  };
  return (text: string) =>
    whole.has(text) ? "equal" : text.length >= 8 && joined.includes(text) ? "inside" : holds(text) ? "holding" : clauses(text).some((c) => known.has(c)) ? "clause" : undefined;
}
/** Clauses long enough to be one text's own (shorter ones recur: 新华社北京１月１日电). */
function clauses(text: string): string[] {
  return text.split(/[。！？；，、：,;:!?\s“”"《》（）()]/u).filter((c) => c.length >= 10);
}

const inTests = overlapFinder([
  ...readBio(dataPath("ner/msra/msra_test_bio.txt")),
  ...readBio(dataPath("ner/peoples-daily-1998/example.test")),
  ...readWeibo("ner/weibo/weiboNER_2nd_conll.test"),
].map((s) => s.text));
// example.dev is trained on as it is: its sentences here would only repeat it, and would leak into the
// cross-validation blocks of example.dev (train-ner.ts --cv)
const inDev = overlapFinder(readBio(dataPath("ner/peoples-daily-1998/example.dev")).map((s) => s.text));

const raw = readFileSync(source);
const sentences = readBio(source);
const testLeaks = sentences.map((s) => inTests(s.text));
const devRepeats = sentences.map((s, i) => (testLeaks[i] ? undefined : inDev(s.text)));
const kept = sentences.filter((_, i) => !testLeaks[i] && !devRepeats[i]);
const tally = (kinds: (string | undefined)[]) =>
  `${kinds.filter(Boolean).length}: ${["equal", "inside", "holding", "clause"].map((kind) => `${kinds.filter((k) => k === kind).length} ${kind}`).join(", ")}`;

const bioLines = ({ text, spans }: BioSentence) => {
  const tags = Array.from({ length: text.length }, () => "O");
  for (const { type, start, end } of spans) {
    tags[start] = `B-${type}`;
    for (let i = start + 1; i < end; i++) tags[i] = `I-${type}`;
  }
  return [...text].map((char, i) => `${char}\t${tags[i]}`).join("\n");
};
const body = `${kept.map(bioLines).join("\n\n")}\n`;
const target = resolve(projectRoot, IMPORTED_DIR, `${set}-train.bio.gz`);
mkdirSync(resolve(projectRoot, IMPORTED_DIR), { recursive: true });
// zlib writes no name and a zero mtime in the gzip header: the same input gives the same bytes
const gz = gzipSync(body, { level: 9 });
writeFileSync(target, gz);

const sha = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
const count = (list: BioSentence[], type: string) => list.reduce((sum, s) => sum + s.spans.filter((p) => p.type === type).length, 0);
const chars = (list: BioSentence[]) => list.reduce((sum, s) => sum + s.text.length, 0);
console.log(`source ${source}: sha256 ${sha(raw)}, ${raw.length} bytes, ${sentences.length} sentences, ${chars(sentences)} characters, ` +
  `PER ${count(sentences, "PER")} LOC ${count(sentences, "LOC")} ORG ${count(sentences, "ORG")}`);
console.log(`dropped the sentences a test set holds (equal to a test sentence, inside one, holding one, sharing a clause of 10+ characters) ${tally(testLeaks)}`);
console.log(`dropped the other sentences example.dev holds ${tally(devRepeats)}`);
console.log(`wrote ${IMPORTED_DIR}/${set}-train.bio.gz: sha256 ${sha(gz)}, ${gz.length} bytes; ${kept.length} sentences, ${chars(kept)} characters, ` +
  `PER ${count(kept, "PER")} LOC ${count(kept, "LOC")} ORG ${count(kept, "ORG")}; text sha256 ${sha(body)}`);
