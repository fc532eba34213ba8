/**
 * Named-entity accuracy: exact-span precision/recall/F1 per type on the MSRA NER test set and People's Daily 1998
 * (example.test), next to a baseline of nodejieba's POS tags (nr → person, ns → place, nt → org) scored by the same
 * code on the same tokens; then the policy gold set (test/fixtures/entities/*.json) with person titles checked; then
 * the cost of entity extraction relative to segmentation.
 *
 *   npx tsx bench/ner-accuracy.ts              # tables
 *   npx tsx bench/ner-accuracy.ts --errors     # also the policy-gold misses and extras with context
 *   npx tsx bench/ner-accuracy.ts --passes 5   # cost: best of 5 timed passes (default 3)
 *
 * BIO conventions (see each set's README): MSRA tags meeting names as ORG (中国致公党第十一次全国代表大会) and
 * People's Daily splits 欧美 into single-character LOCs; both are scored as they are, exact spans only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractEntities } from "../src/entities/index.js";
import { createAnalyzer } from "../src/pipeline.js";
import type { Entity, Token } from "../src/schema.js";
import { dataPath, printTable, projectRoot } from "./lib/data.js";
import { readBio } from "./tools/ner-data.js";

type ScoredType = "person" | "place" | "org";
const TYPES: ScoredType[] = ["person", "place", "org"];
const BIO_TYPES: Record<string, ScoredType> = { PER: "person", LOC: "place", ORG: "org" };
const showErrors = process.argv.includes("--errors");

interface GoldSpan { type: string; start: number; end: number }
/** The gold sentences of a BIO file with our type names (PER → person, LOC → place, ORG → org). */
const goldSentences = (path: string) =>
  readBio(path).map(({ text, spans }) => ({ text, spans: spans.map((span) => ({ ...span, type: BIO_TYPES[span.type]! })) }));

class Score {
  counts = new Map<string, { tp: number; predicted: number; gold: number }>();
  add(type: string, predicted: Set<string>, gold: Set<string>): void {
    const c = this.counts.get(type) ?? { tp: 0, predicted: 0, gold: 0 };
    for (const key of predicted) if (gold.has(key)) c.tp++;
    c.predicted += predicted.size;
    c.gold += gold.size;
    this.counts.set(type, c);
  }
  prf(type: string): [number, number, number] {
    const c = this.counts.get(type) ?? { tp: 0, predicted: 0, gold: 0 };
    const p = c.predicted ? c.tp / c.predicted : 0;
    const r = c.gold ? c.tp / c.gold : 0;
    return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
  }
}

const keysOf = (spans: readonly GoldSpan[], type: string) =>
  new Set(spans.filter((s) => s.type === type).map((s) => `${s.start}:${s.end}`));

/** The baseline: jieba's name tags on the same tokens. */
function baseline(tokens: readonly Token[]): GoldSpan[] {
  const out: GoldSpan[] = [];
  for (const t of tokens) {
    const type = t.pos.startsWith("nr") ? "person" : t.pos.startsWith("ns") ? "place" : t.pos.startsWith("nt") ? "org" : undefined;
    if (type) out.push({ type, start: t.start, end: t.end });
  }
  return out;
}

const f = (x: number) => x.toFixed(3);
const analyzer = createAnalyzer();
analyzer.segment("预热：加载词典");
extractEntities("预热", analyzer.segment("预热"));

/** The texts the cost is measured on, by set: the test sentences, then the policy documents. */
const costTexts = new Map<string, { text: string; referenceDate?: string }[]>([["MSRA + PD test sentences", []], ["policy gold documents", []]]);

const rows: (string | number)[][] = [];
for (const [name, file] of [
  ["MSRA test", "ner/msra/msra_test_bio.txt"],
  ["People's Daily test", "ner/peoples-daily-1998/example.test"],
] as const) {
  const ours = new Score();
  const base = new Score();
  for (const sentence of goldSentences(dataPath(file))) {
    const tokens = analyzer.segment(sentence.text);
    const found = extractEntities(sentence.text, tokens);
    costTexts.get("MSRA + PD test sentences")!.push({ text: sentence.text });
    const guessed = baseline(tokens);
    for (const type of TYPES) {
      const gold = keysOf(sentence.spans, type);
      ours.add(type, keysOf(found, type), gold);
      base.add(type, keysOf(guessed, type), gold);
    }
  }
  for (const type of TYPES) {
    const [p, r, f1] = ours.prf(type);
    const [bp, br, bf1] = base.prf(type);
    rows.push([name, type, f(p), f(r), f(f1), f(bp), f(br), f(bf1), (f1 - bf1 >= 0 ? "+" : "") + f(f1 - bf1)]);
  }
}
console.log("\n## Public NER test sets (exact spans)\n");
printTable(["set", "type", "P", "R", "F1", "jieba P", "jieba R", "jieba F1", "ΔF1"], rows);

// ---------------------------------------------------------------------------------------------------------------
// Policy gold set

interface GoldEntity extends GoldSpan { text: string; titles?: string[]; titleOrgs?: (string | null)[]; org?: string | null }
interface GoldDoc { source: string; docDate: string; entities: GoldEntity[] }

const fixtureDir = join(projectRoot, "test/fixtures/entities");
const policy = new Score();
const errors: string[] = [];
for (const file of readdirSync(fixtureDir).filter((n) => n.endsWith(".json")).sort()) {
  const gold = JSON.parse(readFileSync(join(fixtureDir, file), "utf8")) as GoldDoc;
  const text = readFileSync(dataPath(gold.source), "utf8");
  const tokens = analyzer.segment(text);
  const found = extractEntities(text, tokens, { referenceDate: gold.docDate });
  costTexts.get("policy gold documents")!.push({ text, referenceDate: gold.docDate });
  for (const type of [...TYPES, "date"]) {
    const g = keysOf(gold.entities, type);
    const p = keysOf(found, type);
    policy.add(type, p, g);
    if (showErrors) {
      const context = (k: string) => {
        const [s, e] = k.split(":").map(Number) as [number, number];
        return `${text.slice(Math.max(0, s - 8), s)}[${text.slice(s, e)}]${text.slice(e, e + 8)}`.replace(/\s/gu, " ");
      };
      for (const k of g) if (!p.has(k)) errors.push(`${file} ${type} missed ${context(k)}`);
      for (const k of p) if (!g.has(k)) errors.push(`${file} ${type} extra  ${context(k)}`);
    }
  }
  // a person counts for "with titles" only when its titles and their organisations match the gold
  const titlesOf = (e: Pick<Entity, "attrs"> | GoldEntity) =>
    JSON.stringify("attrs" in e && e.attrs ? [e.attrs.titles, e.attrs.titleOrgs] : [(e as GoldEntity).titles, (e as GoldEntity).titleOrgs]);
  const goldTitled = new Set(gold.entities.filter((e) => e.type === "person").map((e) => `${e.start}:${e.end}:${titlesOf(e)}`));
  const ourTitled = new Set(found.filter((e) => e.type === "person").map((e) => `${e.start}:${e.end}:${titlesOf(e)}`));
  policy.add("person+titles", ourTitled, goldTitled);
  if (showErrors) for (const k of ourTitled) if (!goldTitled.has(k) && [...goldTitled].some((g) => g.split(":").slice(0, 2).join(":") === k.split(":").slice(0, 2).join(":"))) errors.push(`${file} titles differ: ours ${k} gold ${[...goldTitled].find((g) => g.startsWith(k.split(":").slice(0, 2).join(":") + ":"))}`);
}
console.log("\n## Policy gold set (test/fixtures/entities, exact spans)\n");
printTable(
  ["type", "P", "R", "F1", "gold"],
  [...TYPES, "person+titles", "date"].map((type) => {
    const [p, r, f1] = policy.prf(type);
    return [type, f(p), f(r), f(f1), policy.counts.get(type)?.gold ?? 0];
  }),
);

// Cost: every text segmented and then its entities extracted, as the pipeline does (so each step finds the
// processor's caches as the other left them), in several passes after the one above; the best pass counts, which
// keeps out the compilation of the first and what other processes on a shared machine took.
const passOption = process.argv.indexOf("--passes");
const passes = passOption > 0 ? Number(process.argv[passOption + 1]) : 3;
const costRows: (string | number)[][] = [];
for (const [set, texts] of costTexts) {
  let segmentMs = Infinity;
  let entityMs = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    let segment = 0;
    let extract = 0;
    for (const { text, referenceDate } of texts) {
      let t = performance.now();
      const tokens = analyzer.segment(text);
      segment += performance.now() - t;
      t = performance.now();
      extractEntities(text, tokens, referenceDate ? { referenceDate } : {});
      extract += performance.now() - t;
    }
    segmentMs = Math.min(segmentMs, segment);
    entityMs = Math.min(entityMs, extract);
  }
  const chars = texts.reduce((n, t) => n + t.text.length, 0);
  const row = (step: string, ms: number) => [set, step, ms.toFixed(0), Math.round((chars / ms) * 1000), `${((ms / segmentMs) * 100).toFixed(0)}%`];
  costRows.push(row("segmentation", segmentMs), row("entity extraction", entityMs));
}
console.log(`\n## Cost (best of ${passes} passes; wall time on a shared machine, so compare within a run)\n`);
printTable(["text", "step", "ms", "chars/s", "relative to segmentation"], costRows);
if (showErrors) console.log(`\n## Policy gold errors\n\n${errors.join("\n")}`);
