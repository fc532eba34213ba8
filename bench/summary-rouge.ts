/**
 * ROUGE-1/2/L (character level, F1, the LCSTS practice) of gongwen's extractive summaries against Lead-1, Lead-3
 * and plain TextRank, all computed here in the same run at the same character budget.
 *
 *   npx tsx bench/summary-rouge.ts
 *
 * Sets:
 * - LCSTS part III, the 725 pairs with human_label >= 3 (../shared/data/summarization/lcsts-part3/part3.jsonl):
 *   Weibo posts with headline summaries written by their authors. Budget = the reference's length, per pair.
 *   Split before tuning: held-out = the pairs whose sha1("lcsts-<id>") starts with a 32-bit number divisible by 3
 *   (255 pairs), dev = the other 470; the headline weights were tuned on dev only.
 * - The 13 CCTV meeting releases ../shared/data/policy/meeting-*.txt against the hand-written references in
 *   test/fixtures/summaries/<basename>.txt (read only). Budget = the reference's length, per release. The domain IDF
 *   table (dict/idf.txt) was built with these 13 releases and their source news items left out.
 * - The real-world meeting releases (test/fixtures/realworld, dev | held-out by publisher) whose gold brief lists
 *   decisions (审议通过…, 原则同意…): the reference is those decisions joined, what a reader of the release must
 *   learn. Budget = the default summary's (200 characters, 3 sentences).
 *
 * Cost: the last lines give the summary stage's CPU time as a multiple of segmentation's on 1,500 CCTV items.
 *
 * Scoring: characters after removing whitespace and punctuation/symbols (\p{P}, \p{S}); ROUGE-N is the clipped
 * n-gram overlap, ROUGE-L the longest common subsequence; each is the F1 of precision and recall, averaged over pairs.
 * The last column is a paired bootstrap (2,000 resamples of the pairs, fixed seed): the share of resamples in which
 * gongwen's mean ROUGE-L is not above that system's (small = the margin is not luck).
 * Lead-k: the first k prose sentences (headline and page furniture skipped, as for the other systems), cut to the
 * budget. TextRank: LexRank centrality alone (no position, title or redundancy terms), whole sentences within the
 * budget by the same selection code as gongwen's; when the most central sentence is longer than the budget, its
 * head cut to the budget (as Lead-k is).
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { createAnalyzer } from "../src/analyzer.js";
import { resourcesWith } from "../src/pipeline.js";
import { DEFAULT_BUDGET } from "../src/summarize/index.js";
import { DEFAULT_WEIGHTS, summarizeDoc, summaryMaterial, type RankWeights } from "../src/summarize/rank.js";
import type { Doc } from "../src/core/schema.js";
import { dataPath, projectRoot } from "./lib/data.js";

interface Pair {
  id: string;
  text: string;
  reference: string;
  /** The character budget; the reference's length when absent. */
  maxChars?: number;
}

type System = (doc: Doc, maxChars: number) => string;

const SCORED = /[\p{P}\p{S}\s]/gu;
const chars = (text: string): string[] => Array.from(text.replace(SCORED, ""));

function ngrams(units: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= units.length; i++) {
    const key = units.slice(i, i + n).join("");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

const f1 = (overlap: number, candidate: number, reference: number): number =>
  overlap === 0 || candidate === 0 || reference === 0 ? 0 : (2 * overlap) / (candidate + reference);

function rougeN(candidate: string[], reference: string[], n: number): number {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let overlap = 0;
  for (const [key, count] of c) overlap += Math.min(count, r.get(key) ?? 0);
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

function rougeL(candidate: string[], reference: string[]): number {
  let previous = new Array<number>(reference.length + 1).fill(0);
  for (const c of candidate) {
    const row = new Array<number>(reference.length + 1).fill(0);
    for (let j = 0; j < reference.length; j++) row[j + 1] = c === reference[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!);
    previous = row;
  }
  return f1(previous[reference.length]!, candidate.length, reference.length);
}

const lead =
  (k: number): System =>
  (doc, maxChars) =>
    summaryMaterial(doc)
      .body.slice(0, k)
      .map((s) => s.span.text)
      .join("")
      .slice(0, maxChars);

const ranked =
  (weights: RankWeights): System =>
  (doc, maxChars) =>
    summarizeDoc(doc, { maxChars, maxSentences: 3 }, "article", resources, weights).text;

const TEXTRANK: RankWeights = { centrality: 1, position: 0, title: 0, decision: 0, point: 0, redundancy: 0 };

/** Plain TextRank: the most central sentences within the budget, or the most central sentence cut to a shorter one. */
const textRank: System = (doc, maxChars) => {
  const top = summarizeDoc(doc, { maxChars: Number.MAX_SAFE_INTEGER, maxSentences: 1 }, "article", resources, TEXTRANK).text;
  return top.length > maxChars ? top.slice(0, maxChars) : ranked(TEXTRANK)(doc, maxChars);
};

const SYSTEMS: [string, System][] = [
  ["Lead-1", lead(1)],
  ["Lead-3", lead(3)],
  ["TextRank", textRank],
  ["gongwen", ranked(DEFAULT_WEIGHTS)],
];

/** Share of paired bootstrap resamples (fixed seed) in which gongwen's mean ROUGE-L is not above the baseline's. */
function bootstrapP(ours: number[], theirs: number[], rounds = 2000): number {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let losses = 0;
  for (let r = 0; r < rounds; r++) {
    let diff = 0;
    for (let k = 0; k < ours.length; k++) {
      const i = Math.floor(random() * ours.length);
      diff += ours[i]! - theirs[i]!;
    }
    if (diff <= 0) losses++;
  }
  return losses / rounds;
}

/** What `summarize(text)` reads: tokens, sentences and the page. */
const textStages = createAnalyzer({ stages: ["segment", "sentences", "page"] });
const resources = resourcesWith();

function table(title: string, pairs: Pair[]): void {
  const totals = SYSTEMS.map(() => ({ r1: 0, r2: 0, rl: 0, length: 0 }));
  const perPair = SYSTEMS.map((): number[] => []);
  for (const pair of pairs) {
    const doc = textStages.analyze(pair.text);
    const reference = chars(pair.reference);
    const budget = pair.maxChars ?? pair.reference.length;
    SYSTEMS.forEach(([, system], s) => {
      const summary = system(doc, budget);
      if (summary.length > budget) throw new Error(`${SYSTEMS[s]![0]} broke the budget on ${pair.id}`);
      const candidate = chars(summary);
      const total = totals[s]!;
      total.r1 += rougeN(candidate, reference, 1);
      total.r2 += rougeN(candidate, reference, 2);
      const rl = rougeL(candidate, reference);
      total.rl += rl;
      perPair[s]!.push(rl);
      total.length += summary.length;
    });
  }
  const pct = (x: number) => ((100 * x) / pairs.length).toFixed(2).padStart(6);
  const budget = pairs[0]?.maxChars === undefined ? "reference length, mean" : "the default summary's";
  const mean = (pairs.reduce((s, p) => s + (p.maxChars ?? p.reference.length), 0) / pairs.length).toFixed(1);
  console.log(`\n${title} (${pairs.length} pairs; budget = ${budget} ${mean} chars)\n`);
  console.log("| system   | ROUGE-1 | ROUGE-2 | ROUGE-L | mean length | p (gongwen R-L not higher) |");
  console.log("|----------|--------:|--------:|--------:|------------:|---------------------------:|");
  const ours = perPair[SYSTEMS.length - 1]!;
  SYSTEMS.forEach(([name], s) => {
    const t = totals[s]!;
    const p = s === SYSTEMS.length - 1 ? "" : bootstrapP(ours, perPair[s]!).toFixed(3);
    console.log(
      `| ${name.padEnd(8)} | ${pct(t.r1)}  | ${pct(t.r2)}  | ${pct(t.rl)}  | ${(t.length / pairs.length).toFixed(1).padStart(11)} | ${p.padStart(26)} |`,
    );
  });
}

const lcsts = readFileSync(dataPath("summarization/lcsts-part3/part3.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { id: number; human_label: number; text: string; summary: string })
  .filter((r) => r.human_label >= 3)
  .map((r): Pair => ({ id: `lcsts-${r.id}`, text: r.text, reference: r.summary }));
if (lcsts.length !== 725) throw new Error(`expected 725 LCSTS pairs with human_label >= 3, found ${lcsts.length}`);
/** The held-out third, fixed by a hash of the id before any tuning (tuning used the dev part only). */
const heldOut = (pair: Pair) => Number.parseInt(createHash("sha1").update(pair.id).digest("hex").slice(0, 8), 16) % 3 === 0;

const references = resolve(projectRoot, "test/fixtures/summaries");
const policy = dataPath("policy");
const meetings = readdirSync(policy)
  .filter((f) => /^meeting-.*\.txt$/u.test(f))
  .sort()
  .map((f): Pair => ({
    id: basename(f, ".txt"),
    text: readFileSync(resolve(policy, f), "utf8"),
    reference: readFileSync(resolve(references, f), "utf8").trim(),
  }));

/** Real-world meeting releases whose gold brief has decisions: the decisions, in order, are the reference. */
function realWorld(part: "dev" | "heldout"): Pair[] {
  const root = resolve(projectRoot, "test/fixtures/realworld");
  const partOf = new Map(
    readFileSync(resolve(root, "sources.tsv"), "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.split("\t"))
      .map(([id, split, , , , , , format]) => [id!, { split, format }]),
  );
  const decided = new Map<string, string[]>();
  for (const line of readFileSync(resolve(root, "briefs.jsonl"), "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const brief = JSON.parse(line) as { id: string; decisions: string[] };
    if (brief.decisions.length > 0 && partOf.get(brief.id)?.split === part) {
      decided.set(brief.id, [...(decided.get(brief.id) ?? []), ...brief.decisions]);
    }
  }
  return [...decided].map(([id, decisions]) => {
    if (partOf.get(id)!.format !== "text") throw new Error(`${id}: expected a text item`);
    return {
      id,
      text: readFileSync(resolve(root, part, `${id}.txt`), "utf8"),
      reference: decisions.join("；"),
      maxChars: DEFAULT_BUDGET.maxChars,
    };
  });
}

/**
 * What the summary stage costs beside segmentation: CPU time (the machine is shared, wall time is not a measure) of
 * summarizeDoc on COST_ITEMS CCTV news items already segmented and split, over the CPU time of segmenting them;
 * interleaved rounds, median ratio.
 */
function summaryCost(): void {
  const COST_ITEMS = 1500;
  const ROUNDS = 5;
  const texts = readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, COST_ITEMS)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const segmentOnly = createAnalyzer({ stages: ["segment"] });
  const docs = texts.map((text) => textStages.analyze(text));
  const cpu = (work: () => void): number => {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const rounds = Array.from({ length: ROUNDS }, () => {
    const segment = cpu(() => texts.forEach((text) => segmentOnly.analyze(text)));
    const summary = cpu(() => docs.forEach((doc) => summarizeDoc(doc, DEFAULT_BUDGET, "article", resources)));
    return { segment, summary, ratio: summary / segment };
  }).sort((a, b) => a.ratio - b.ratio);
  const median = rounds[ROUNDS >> 1]!;
  console.log(`\nSummary stage cost on ${COST_ITEMS} CCTV items (CPU time, median of ${ROUNDS} interleaved rounds)\n`);
  console.log(`segment ${median.segment.toFixed(0)} ms, summary ${median.summary.toFixed(0)} ms: ${median.ratio.toFixed(2)}× segmentation`);
}

console.log("Character-level ROUGE F1 (×100), whitespace and punctuation removed; same budget for every system.");
table("LCSTS part III, human_label >= 3, dev part", lcsts.filter((pair) => !heldOut(pair)));
table("LCSTS part III, human_label >= 3, held-out part", lcsts.filter(heldOut));
table("CCTV meeting releases vs hand-written references (test/fixtures/summaries)", meetings);
table("Real-world meeting releases vs their gold decisions (test/fixtures/realworld/briefs.jsonl), dev part", realWorld("dev"));
table("Real-world meeting releases vs their gold decisions, held-out part", realWorld("heldout"));
summaryCost();
