/**
 * Development loop for the entity extractor without touching a test set: k-fold cross-validation on People's
 * Daily example.dev in contiguous blocks (neighbouring sentences share their names, so folds are not interleaved).
 * For each fold the tagger is trained on the other folds, installed, and the whole extractor (tagger + rules) is
 * scored on the fold, per type, exact spans. Design choices (ranks, filters, training data) are made on these
 * figures.
 *
 *   npx tsx bench/tools/dev-eval.ts [--folds N] [--epochs N] [--sets SPEC] [--silver ITEMS] [--swaps N [--pool ITEMS]]
 *     [--errors person|place|org] [--seeds 12345,1,2,3] [--ensemble N]
 *
 * Each fold's tagger trains on the other folds of example.dev and the whole of the other training sets of `--sets`
 * (as train-ner.ts, default the shipped sets; `--sets pd` for example.dev alone).
 *
 * F1 moves by about a point with the order the perceptron visits the examples in (its seed), more than many a
 * design change: `--seeds` trains every fold with each seed and prints each seed's figures and their mean. Each
 * tagger is the mean of `--ensemble` training orders from its seed on (default: as shipped, `DEFAULT_ENSEMBLE`).
 * `--policy` also trains on all of example.dev with each seed and scores the policy gold set (a development set,
 * test/fixtures/entities), whose goals sit within that noise:
 *
 *   npx tsx bench/tools/dev-eval.ts --seeds 12345,1,2,3 --policy
 *
 * `--silver ITEMS` adds silver sentences from the first ITEMS 新闻联播 items (silver-ner.ts), labelled by the
 * extractor with the fold's own first tagger, as train-ner.ts does for the shipped weights.
 */
import { extractEntities } from "../../src/entities/index.js";
import { createAnalyzer } from "../../src/analyzer.js";
import { dataPath } from "../lib/data.js";
import { policyGold, scorePolicyGold } from "../lib/ner-score.js";
import { readBio } from "./ner-data.js";
import { DEFAULT_SEED } from "./perceptron.js";
import type { BioSentence } from "./ner-data.js";
import { DEFAULT_ENSEMBLE, DEFAULT_EPOCHS, DEFAULT_SETS, parseSets, trainingSentences, trainTagger } from "./tagger-training.js";

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const folds = Number(option("--folds") ?? 5);
const epochs = Number(option("--epochs") ?? DEFAULT_EPOCHS);
const silverItems = Number(option("--silver") ?? 0);
const swaps = Number(option("--swaps") ?? 0);
const poolItems = Number(option("--pool") ?? 0);
const showErrors = option("--errors");
const seeds = (option("--seeds") ?? String(DEFAULT_SEED)).split(",").map(Number);
const ensemble = Number(option("--ensemble") ?? DEFAULT_ENSEMBLE);

const sentences = readBio(dataPath("ner/peoples-daily-1998/example.dev"));
const sets = parseSets(option("--sets") ?? DEFAULT_SETS);
const pdCopies = sets.find((set) => set.name === "pd")?.copies ?? 0;
const others = trainingSentences(sets.filter((set) => set.name !== "pd"));
/** The training sentences with these example.dev sentences: the other sets whole, example.dev's copies as the spec says. */
const withOtherSets = (pd: BioSentence[]) => [...Array.from({ length: pdCopies }, () => pd).flat(), ...others];
const TYPES = { PER: "person", LOC: "place", ORG: "org" } as const;
const analyzer = createAnalyzer();
type Counts = Map<string, { tp: number; p: number; g: number }>;

/** Counts of every type over all folds, each fold's tagger trained with `seed`. */
function crossValidate(seed: number): Counts {
  const counts: Counts = new Map();
  for (let k = 0; k < folds; k++) {
    const from = Math.floor((sentences.length * k) / folds);
    const to = Math.floor((sentences.length * (k + 1)) / folds);
    const weights = trainTagger(withOtherSets([...sentences.slice(0, from), ...sentences.slice(to)]), { epochs, silverItems, swaps, poolItems, seed, ensemble }).compact;
    for (const sentence of sentences.slice(from, to)) {
      const found = extractEntities(sentence.text, analyzer.segment(sentence.text), {}, weights);
      for (const [bio, type] of Object.entries(TYPES)) {
        const gold = new Set(sentence.spans.filter((s) => s.type === bio).map((s) => `${s.start}:${s.end}`));
        const ours = new Set(found.filter((e) => e.type === type).map((e) => `${e.start}:${e.end}`));
        const c = counts.get(type) ?? { tp: 0, p: 0, g: 0 };
        for (const key of ours) if (gold.has(key)) c.tp++;
        c.p += ours.size;
        c.g += gold.size;
        counts.set(type, c);
        if (showErrors === type) {
          const show = (key: string) => {
            const [s, e] = key.split(":").map(Number) as [number, number];
            return `${sentence.text.slice(Math.max(0, s - 6), s)}[${sentence.text.slice(s, e)}]${sentence.text.slice(e, e + 6)}`;
          };
          for (const key of gold) if (!ours.has(key)) console.log(`missed ${show(key)}`);
          for (const key of ours) if (!gold.has(key)) console.log(`extra  ${show(key)}`);
        }
      }
    }
  }
  return counts;
}

console.log(
  `${folds}-fold CV on example.dev (whole extractor), sets ${option("--sets") ?? DEFAULT_SETS}, ${epochs} epochs${silverItems ? `, silver from ${silverItems} items` : ""}` +
    `${swaps ? `, ${swaps} name swaps (pool from ${poolItems} items)` : ""}, seed${seeds.length > 1 ? "s" : ""} ${seeds.join(", ")}`,
);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const f1s = new Map<string, number[]>();
for (const seed of seeds) {
  for (const [type, { tp, p, g }] of crossValidate(seed)) {
    const f1 = (2 * tp) / (p + g);
    f1s.set(type, [...(f1s.get(type) ?? []), f1]);
    console.log(`${seeds.length > 1 ? `seed ${seed} ` : ""}${type.padEnd(7)} P ${(tp / p).toFixed(3)} R ${(tp / g).toFixed(3)} F1 ${f1.toFixed(3)}`);
  }
}
if (seeds.length > 1) {
  for (const [type, values] of f1s) {
    console.log(`mean ${type.padEnd(7)} F1 ${mean(values).toFixed(3)} (${values.map((v) => v.toFixed(3)).join(" / ")})`);
  }
}

if (process.argv.includes("--policy")) {
  const docs = policyGold();
  const types = ["person", "person+titles", "place", "org"];
  const policyF1s = new Map<string, number[]>(types.map((type) => [type, []]));
  for (const seed of seeds) {
    const weights = trainTagger(withOtherSets(sentences), { epochs, silverItems, swaps, poolItems, seed, ensemble }).compact;
    const score = scorePolicyGold(docs, analyzer, undefined, weights);
    const line = types.map((type) => {
      const f1 = score.prf(type)[2];
      policyF1s.get(type)!.push(f1);
      return `${type} ${f1.toFixed(3)}`;
    });
    console.log(`policy gold, trained on all of example.dev, seed ${seed}: ${line.join("  ")}`);
  }
  console.log(`policy gold, mean over ${seeds.length} seed(s): ${types.map((type) => `${type} ${mean(policyF1s.get(type)!).toFixed(3)}`).join("  ")}`);
}
