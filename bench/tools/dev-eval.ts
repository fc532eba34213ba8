/**
 * Development loop for the entity extractor without touching a test set: trains the tagger on the first 85% of
 * People's Daily example.dev, installs those weights, and scores the whole extractor (tagger + rules) on the 15%
 * held out, per type, exact spans. Design choices (ranks, filters) are made on these figures.
 *
 *   npx tsx bench/tools/dev-eval.ts [--epochs N] [--errors person|place|org]
 */
import { extractEntities } from "../../src/entities/index.js";
import { useTaggerWeights } from "../../src/entities/tagger.js";
import { createAnalyzer } from "../../src/pipeline.js";
import { dataPath } from "../lib/data.js";
import { readBio } from "./ner-data.js";
import { prepare, toCompact, train } from "./perceptron.js";

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const epochs = Number(option("--epochs") ?? 15);
const showErrors = option("--errors");

const sentences = readBio(dataPath("ner/peoples-daily-1998/example.dev"));
const cut = Math.floor(sentences.length * 0.85);
useTaggerWeights(toCompact(train(sentences.slice(0, cut).map(prepare), epochs)));

const TYPES = { PER: "person", LOC: "place", ORG: "org" } as const;
const analyzer = createAnalyzer();
const counts = new Map<string, { tp: number; p: number; g: number }>();
for (const sentence of sentences.slice(cut)) {
  const found = extractEntities(sentence.text, analyzer.segment(sentence.text));
  for (const [bio, type] of Object.entries(TYPES)) {
    const gold = new Set(sentence.spans.filter((s) => s.type === bio).map((s) => `${s.start}:${s.end}`));
    const ours = new Set(found.filter((e) => e.type === type).map((e) => `${e.start}:${e.end}`));
    const c = counts.get(type) ?? { tp: 0, p: 0, g: 0 };
    for (const k of ours) if (gold.has(k)) c.tp++;
    c.p += ours.size;
    c.g += gold.size;
    counts.set(type, c);
    if (showErrors === type) {
      const show = (k: string) => {
        const [s, e] = k.split(":").map(Number) as [number, number];
        return `${sentence.text.slice(Math.max(0, s - 6), s)}[${sentence.text.slice(s, e)}]${sentence.text.slice(e, e + 6)}`;
      };
      for (const k of gold) if (!ours.has(k)) console.log(`missed ${show(k)}`);
      for (const k of ours) if (!gold.has(k)) console.log(`extra  ${show(k)}`);
    }
  }
}
for (const [type, { tp, p, g }] of counts) {
  console.log(`${type.padEnd(7)} P ${(tp / p).toFixed(3)} R ${(tp / g).toFixed(3)} F1 ${((2 * tp) / (p + g)).toFixed(3)}`);
}
