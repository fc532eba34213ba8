/**
 * Development loop for the entity extractor without touching a test set: k-fold cross-validation on People's
 * Daily example.dev in contiguous blocks (neighbouring sentences share their names, so folds are not interleaved).
 * For each fold the tagger is trained on the other folds, installed, and the whole extractor (tagger + rules) is
 * scored on the fold, per type, exact spans. Design choices (ranks, filters, training data) are made on these
 * figures.
 *
 *   npx tsx bench/tools/dev-eval.ts [--folds N] [--epochs N] [--silver ITEMS] [--swaps N [--pool ITEMS]]
 *     [--errors person|place|org]
 *
 * `--silver ITEMS` adds silver sentences from the first ITEMS 新闻联播 items (silver-ner.ts), labelled by the
 * extractor with the fold's own first tagger, as train-ner.ts does for the shipped weights.
 */
import { extractEntities } from "../../src/entities/index.js";
import { useTaggerWeights } from "../../src/entities/tagger.js";
import { createAnalyzer } from "../../src/pipeline.js";
import { dataPath } from "../lib/data.js";
import { readBio } from "./ner-data.js";
import { trainTagger } from "./tagger-training.js";

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const folds = Number(option("--folds") ?? 5);
const epochs = Number(option("--epochs") ?? 25);
const silverItems = Number(option("--silver") ?? 0);
const swaps = Number(option("--swaps") ?? 0);
const poolItems = Number(option("--pool") ?? 0);
const showErrors = option("--errors");

const sentences = readBio(dataPath("ner/peoples-daily-1998/example.dev"));
const TYPES = { PER: "person", LOC: "place", ORG: "org" } as const;
const analyzer = createAnalyzer();
const counts = new Map<string, { tp: number; p: number; g: number }>();
for (let k = 0; k < folds; k++) {
  const from = Math.floor((sentences.length * k) / folds);
  const to = Math.floor((sentences.length * (k + 1)) / folds);
  useTaggerWeights(trainTagger([...sentences.slice(0, from), ...sentences.slice(to)], { epochs, silverItems, swaps, poolItems }).compact);
  for (const sentence of sentences.slice(from, to)) {
    const found = extractEntities(sentence.text, analyzer.segment(sentence.text));
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
console.log(`${folds}-fold CV on example.dev (whole extractor), ${epochs} epochs${silverItems ? `, silver from ${silverItems} items` : ""}${swaps ? `, ${swaps} name swaps (pool from ${poolItems} items)` : ""}`);
for (const [type, { tp, p, g }] of counts) {
  console.log(`${type.padEnd(7)} P ${(tp / p).toFixed(3)} R ${(tp / g).toFixed(3)} F1 ${((2 * tp) / (p + g)).toFixed(3)}`);
}
