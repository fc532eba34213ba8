/**
 * Named-entity accuracy: exact-span precision/recall/F1 per type on the MSRA NER test set and People's Daily 1998
 * (example.test), next to a baseline of nodejieba's POS tags (nr → person, ns → place, nt → org) scored by the same
 * code on the same tokens; then the policy gold set (test/fixtures/entities/*.json) with person titles checked; then
 * the cost of entity extraction relative to segmentation on the test sentences, the policy gold documents and 500 CCTV
 * 新闻联播 items. Weibo NER test (named mentions) is scored too, as a check of generalisation to social text.
 *
 *   npx tsx bench/ner-accuracy.ts              # tables
 *   npx tsx bench/ner-accuracy.ts --errors     # also the policy-gold misses and extras with context
 *   npx tsx bench/ner-accuracy.ts --passes 5   # cost: best of 5 timed passes (default 3)
 *   npx tsx bench/ner-accuracy.ts --tradeoff   # also accuracy and cost with more of the weights' rows dropped
 *   node --expose-gc --import tsx bench/ner-accuracy.ts   # also the memory the tagger's weights keep
 *
 * BIO conventions (see each set's README): MSRA tags meeting names as ORG (中国致公党第十一次全国代表大会) and
 * People's Daily splits 欧美 into single-character LOCs; both are scored as they are, exact spans only.
 */
import { extractEntities } from "../src/entities/index.js";
import { createAnalyzer } from "../src/analyzer.js";
import type { Token } from "../src/core/schema.js";
import { dataPath, printTable } from "./lib/data.js";
import { type GoldSpan, keysOf, policyGold, Score, scorePolicyGold } from "./lib/ner-score.js";
import { readFileSync, statSync } from "node:fs";
import { entityLexicon } from "../src/entities/lexicon.js";
import { prunedWeights, ROW_BYTES, shippedTaggerWeights, tagCharacters, type TaggerWeights } from "../src/entities/tagger.js";
import { indexTokens } from "../src/entities/tokens.js";
import { type BioSentence, readBio } from "./tools/ner-data.js";
import { readWeibo } from "./tools/train-ner-sets.js";

type ScoredType = "person" | "place" | "org";
const TYPES: ScoredType[] = ["person", "place", "org"];
const BIO_TYPES: Record<string, ScoredType> = { PER: "person", LOC: "place", ORG: "org" };
const showErrors = process.argv.includes("--errors");

/** Gold sentences with our type names (PER → person, LOC → place, ORG → org). */
const goldSentences = (sentences: BioSentence[]) =>
  sentences.map(({ text, spans }) => ({ text, spans: spans.map((span) => ({ ...span, type: BIO_TYPES[span.type]! })) }));

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
// the tagger's weights load on first use: their load time and what they add to RSS, after the word lists
const warmIndex = indexTokens("预热", analyzer.segment("预热"));
entityLexicon();
const weightsBytes = statSync(new URL("../dict/entity-tagger.bin", import.meta.url)).size;
globalThis.gc?.();
const memoryBefore = process.memoryUsage();
const cpuBefore = process.cpuUsage();
const loadStart = performance.now();
tagCharacters("预热", warmIndex, entityLexicon());
const loadMs = performance.now() - loadStart;
const cpu = process.cpuUsage(cpuBefore);
globalThis.gc?.();
const memoryAfter = process.memoryUsage();
const retained = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const weightsLine = `Tagger weights: ${mb(weightsBytes)} MB on disk, loaded in ${loadMs.toFixed(0)} ms (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU), ` +
  `+${mb(memoryAfter.rss - memoryBefore.rss)} MB RSS` +
  (globalThis.gc ? `, +${mb(retained(memoryAfter) - retained(memoryBefore))} MB heap and buffers kept` : " (run with node --expose-gc for what stays)");
extractEntities("预热", analyzer.segment("预热"));

/** CCTV 新闻联播 items the cost is measured on too: long news text as the library reads it. */
const CCTV_ITEMS = 500;

function cctvItems(): { text: string; referenceDate: string }[] {
  const lines = readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n").slice(0, CCTV_ITEMS);
  return lines.map((line) => {
    const { text, date } = JSON.parse(line) as { text: string; date: string };
    return { text, referenceDate: date };
  });
}

/** The texts the cost is measured on, by set: the test sentences, then the policy documents. */
const costTexts = new Map<string, { text: string; referenceDate?: string }[]>([
  ["MSRA + PD test sentences", []],
  ["policy gold documents", []],
  [`CCTV items (first ${CCTV_ITEMS})`, cctvItems()],
]);

const rows: (string | number)[][] = [];
/** The gold sentences of MSRA and PD test with their tokens, for the trade-off (`--tradeoff`). */
const scored: { spans: GoldSpan[]; text: string; tokens: Token[] }[] = [];
for (const [name, sentences] of [
  ["MSRA test", readBio(dataPath("ner/msra/msra_test_bio.txt"))],
  ["People's Daily test", readBio(dataPath("ner/peoples-daily-1998/example.test"))],
  // social text: a check of generalisation, not a goal (named mentions only)
  ["Weibo test", readWeibo("ner/weibo/weiboNER_2nd_conll.test")],
] as const) {
  const ours = new Score();
  const base = new Score();
  for (const sentence of goldSentences(sentences)) {
    const tokens = analyzer.segment(sentence.text);
    const found = extractEntities(sentence.text, tokens);
    if (name !== "Weibo test") {
      costTexts.get("MSRA + PD test sentences")!.push({ text: sentence.text });
      scored.push({ ...sentence, tokens });
    }
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

const errors: string[] = [];
const policyDocs = policyGold();
for (const { text, gold } of policyDocs) costTexts.get("policy gold documents")!.push({ text, referenceDate: gold.docDate });
const policy = scorePolicyGold(policyDocs, analyzer, showErrors ? errors : undefined);
console.log("\n## Policy gold set (test/fixtures/entities, exact spans)\n");
printTable(
  ["type", "P", "R", "F1", "gold"],
  [...TYPES, "person+titles", "date", "date, absolute"].map((type) => {
    const [p, r, f1] = policy.prf(type);
    return [type, f(p), f(r), f(f1), policy.counts.get(type)?.gold ?? 0];
  }),
);

// Cost: every text segmented and then its entities extracted, as the pipeline does (so each step finds the
// processor's caches as the other left them), in several passes after the one above; the best pass counts, which
// keeps out the compilation of the first and what other processes on a shared machine took.
const passOption = process.argv.indexOf("--passes");
const passes = passOption > 0 ? Number(process.argv[passOption + 1]) : 3;
/** Best-of-`passes` milliseconds of segmenting and of extracting entities from the texts, interleaved text by text. */
function cost(texts: readonly { text: string; referenceDate?: string }[], weights = shippedTaggerWeights()): { segmentMs: number; entityMs: number } {
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
      extractEntities(text, tokens, referenceDate ? { referenceDate } : {}, weights);
      extract += performance.now() - t;
    }
    segmentMs = Math.min(segmentMs, segment);
    entityMs = Math.min(entityMs, extract);
  }
  return { segmentMs, entityMs };
}

const costRows: (string | number)[][] = [];
for (const [set, texts] of costTexts) {
  const { segmentMs, entityMs } = cost(texts);
  const chars = texts.reduce((n, t) => n + t.text.length, 0);
  const row = (step: string, ms: number) => [set, step, ms.toFixed(0), Math.round((chars / ms) * 1000), `${((ms / segmentMs) * 100).toFixed(0)}%`];
  costRows.push(row("segmentation", segmentMs), row("entity extraction", entityMs));
}
console.log(`\n## Cost (best of ${passes} passes; wall time on a shared machine, so compare within a run)\n`);
printTable(["text", "step", "ms", "chars/s", "relative to segmentation"], costRows);
console.log(`\n${weightsLine}`);

// Trade-off: the shipped weights with more of their rows dropped (tagger.ts prunedWeights), each scored on MSRA + PD
// test and timed on the test sentences and the CCTV items in this run.
if (process.argv.includes("--tradeoff")) {
  const tradeRows: (string | number)[][] = [];
  const ratio = (texts: readonly { text: string }[], weights: TaggerWeights) => {
    const { segmentMs, entityMs } = cost(texts, weights);
    return `${(entityMs / segmentMs).toFixed(2)}×`;
  };
  for (const threshold of [0, 5, 10, 20]) {
    const weights = threshold === 0 ? shippedTaggerWeights() : prunedWeights(shippedTaggerWeights(), threshold);
    const score = new Score();
    for (const { text, tokens, spans } of scored) {
      const found = extractEntities(text, tokens, {}, weights);
      for (const type of TYPES) score.add(type, keysOf(found, type), keysOf(spans, type));
    }
    const rowCount = weights.rows.length / ROW_BYTES - 1;
    tradeRows.push([
      threshold === 0 ? "shipped" : `rows within ${threshold} of O dropped`, rowCount, mb(weights.rows.byteLength + weights.known.byteLength / 2),
      ...TYPES.map((type) => f(score.prf(type)[2])),
      ratio(costTexts.get("MSRA + PD test sentences")!, weights), ratio(costTexts.get(`CCTV items (first ${CCTV_ITEMS})`)!, weights),
    ]);
  }
  console.log(`\n## Trade-off: accuracy and cost of smaller tables (MSRA + PD test together; entity stage ÷ segmentation)\n`);
  printTable(["weights", "rows", "MB", "person F1", "place F1", "org F1", "cost, test sentences", "cost, CCTV items"], tradeRows);
}
if (showErrors) console.log(`\n## Policy gold errors\n\n${errors.join("\n")}`);
