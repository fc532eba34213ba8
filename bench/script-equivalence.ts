/**
 * Equivalence of input forms: CCTV news items analysed as given (simplified) and in other forms of the same text —
 * converted to traditional script (opencc cn → tw), with pinyin injected after characters (`国(guo)`, tone-marked
 * `區(qū)`), with emoji or zero-width characters sprinkled between characters. For each form, the share of items
 * whose entities, lists and meeting chair (and tokens) equal those of the simplified run, compared on what gongwen
 * read (`normalized` where given, else `text`); goal ≥ 98%. Also the cost: the readers' share of `analyze` on the
 * plain simplified items (goal < 3%) and each form's time against the simplified run, medians within one run.
 * Then the real traditional-script pages of test/fixtures/realworld (UTF-8 text items whose `script` is
 * traditional), dev and held-out: each against the same page converted by opencc's own tw → cn converter.
 *
 *   npx tsx bench/script-equivalence.ts [items=500]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as OpenCC from "opencc-js/cn2t";
import * as OpenCCBack from "opencc-js/t2cn";
import { createAnalyzer } from "../src/analyzer.js";
import type { Doc, Enumeration } from "../src/core/schema.js";
import { readInput } from "../src/input/index.js";
import { createPipeline } from "../src/pipeline.js";
import { dataPath, median, printTable, realworldRoot as root, realworldSources } from "./lib/data.js";

const ITEMS = Number(process.argv[2] ?? 500);
const all = readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n").filter((l) => l !== "");
// evenly spread over the corpus (it is ordered by date)
const texts = Array.from({ length: ITEMS }, (_, k) => {
  const { title, text } = JSON.parse(all[Math.floor((k * all.length) / ITEMS)]!) as { title: string; text: string };
  return `${title}\n${text}`;
});

/** A seeded generator, so every run injects the same pollution. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
}
const SYLLABLES = ["guo", "wu", "yuan", "li", "qiang", "hui", "yi", "zhong", "xin", "dang", "jian", "she", "fa", "zhan"];
const TONED = ["qū", "huì", "wù", "guó", "lǐng", "dǎo", "xué", "kāi", "shè", "zhàn"];
const EMOJI = ["🎐", "⛦", "✨", "🔥", "☀️", "👍🏻"];
const isHan = (c: string) => /\p{Script=Han}/u.test(c);
/** `text` with `insert()` after about `rate` of its Chinese characters (never after the last one of a run). */
function sprinkle(text: string, rate: number, insert: (rnd: () => number) => string, seed: number): string {
  const rnd = random(seed);
  let out = "";
  for (let i = 0; i < text.length; i++) {
    out += text[i];
    if (isHan(text[i]!) && i + 1 < text.length && isHan(text[i + 1]!) && rnd() < rate) out += insert(rnd);
  }
  return out;
}
const pick = <T,>(list: T[], rnd: () => number): T => list[Math.floor(rnd() * list.length)]!;

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const FORMS: [string, (text: string, k: number) => string][] = [
  ["traditional (opencc cn → tw)", (text) => toTraditional(text)],
  ["pinyin after characters (guo)", (text, k) => sprinkle(text, 0.4, (rnd) => `(${pick(SYLLABLES, rnd)})`, k)],
  ["tone-marked pinyin, traditional (qū)", (text, k) => sprinkle(toTraditional(text), 0.3, (rnd) => `(${pick(TONED, rnd)})`, k)],
  ["emoji between characters", (text, k) => sprinkle(text, 0.15, (rnd) => pick(EMOJI, rnd), k)],
  ["zero-width characters", (text, k) => sprinkle(text, 0.2, (rnd) => pick(["\u200b", "\u200c", "\u2060"], rnd), k)],
];

const read = (span: { text: string; normalized?: string }) => span.normalized ?? span.text;
function listsOf(enumerations: Enumeration[] | undefined): string[] {
  return (enumerations ?? []).map((e) => `${e.style}:${e.items.map((item) => `${read(item.marker)}[${listsOf(item.children).join(",")}]`).join("|")}`);
}
const fields = {
  entities: (doc: Doc) => JSON.stringify((doc.entities ?? []).map((e) => [e.type, read(e), e.id ?? ""])),
  lists: (doc: Doc) => JSON.stringify(listsOf(doc.enumerations)),
  chair: (doc: Doc) => JSON.stringify(doc.meeting?.chair ? [doc.meeting.chair.normalized ?? doc.meeting.chair.name, doc.meeting.chair.titles.length] : null),
  tokens: (doc: Doc) => JSON.stringify(doc.tokens.filter((t) => t.kind !== "skipped").map(read)),
};
type Field = keyof typeof fields;

const analyzer = createAnalyzer();
const { config } = createPipeline();
const timed = <T,>(run: () => T): [T, number] => {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
};

const readerShares: number[] = [];
for (const text of texts.slice(0, 50)) analyzer.analyze(text); // warm-up
const base = texts.map((text) => {
  const [doc, ms] = timed(() => analyzer.analyze(text));
  const [, readMs] = timed(() => readInput(text, config));
  readerShares.push(readMs / ms);
  return doc;
});

const rows: string[][] = [];
const ratios: string[][] = [];
for (const [name, make] of FORMS) {
  const equal: Record<Field, number> = { entities: 0, lists: 0, chair: 0, tokens: 0 };
  const timeRatios: number[] = [];
  const misses: string[] = [];
  texts.forEach((text, k) => {
    const form = make(text, k);
    // the simplified text timed right beside its form, so that both meet the same machine load
    const [, plainMs] = timed(() => analyzer.analyze(text));
    const [doc, ms] = timed(() => analyzer.analyze(form));
    timeRatios.push(ms / plainMs);
    for (const field of Object.keys(fields) as Field[]) {
      if (fields[field](doc) === fields[field](base[k]!)) equal[field]++;
      else if (field !== "tokens" && misses.length < 3) misses.push(`${field} of item ${k}`);
    }
  });
  const pct = (n: number) => `${((100 * n) / texts.length).toFixed(1)}%`;
  rows.push([name, pct(equal.entities), pct(equal.lists), pct(equal.chair), pct(equal.tokens)]);
  ratios.push([name, `${median(timeRatios).toFixed(2)}×`]);
  if (misses.length > 0) console.error(`${name}: first misses ${misses.join(", ")}`);
}
console.log(`Items equal to the simplified run (${texts.length} CCTV items, compared on the text read)\n`);
printTable(["form", "entities", "lists", "chair", "tokens"], rows);
console.log("\nCost (medians per item, one run)\n");
printTable(["", "value"], [
  ["readers' share of analyze() on plain simplified items", `${(100 * median(readerShares)).toFixed(2)}%`],
  ...ratios.map(([name, ratio]) => [`${name}: time / simplified time`, ratio!]),
]);

const pages = realworldSources().filter((row) => row.script === "traditional" && row.format === "text" && row.encoding === "utf-8");
const toSimplified = OpenCCBack.Converter({ from: "tw", to: "cn" });
const real = { dev: { items: 0, entities: 0, lists: 0, chair: 0 }, heldout: { items: 0, entities: 0, lists: 0, chair: 0 } };
for (const row of pages) {
  const text = readFileSync(join(root, row.split, `${row.id}.txt`), "utf8");
  const doc = analyzer.analyze(text);
  const converted = analyzer.analyze(toSimplified(text));
  const tally = real[row.split as "dev" | "heldout"];
  tally.items++;
  for (const field of ["entities", "lists", "chair"] as const) if (fields[field](doc) === fields[field](converted)) tally[field]++;
}
const cell = (part: "dev" | "heldout", field: "entities" | "lists" | "chair") => `${real[part][field]}/${real[part].items}`;
console.log("\nReal traditional pages (test/fixtures/realworld) equal to the page converted by opencc tw → cn: dev | held-out\n");
printTable(["", "dev", "held-out"], (["entities", "lists", "chair"] as const).map((field) => [field, cell("dev", field), cell("heldout", field)]));
