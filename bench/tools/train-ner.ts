/**
 * Trains the entity tagger (src/entities/tagger.ts): an averaged structured perceptron on People's Daily 1998
 * `example.dev` ONLY (never a test split), and writes the weights to dict/entity-tagger.txt. The features read the
 * entity word lists (surnames, titles, places, organisations), so retrain after changing those files.
 *
 *   npx tsx bench/tools/train-ner.ts [--epochs N]        # train on all of example.dev, write the weights
 *   npx tsx bench/tools/train-ner.ts --cv [--epochs N]   # 5-fold cross-validation on example.dev, no writing
 *
 * `--silver ITEMS`, `--swaps N` and `--pool ITEMS` add training data of our own (tagger-training.ts); none of them
 * raised the whole extractor's person F1 in dev-eval.ts, so the shipped weights use example.dev alone.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { HASH_BITS, LABEL_COUNT, LABELS } from "../../src/entities/tagger.js";
import { dataPath, projectRoot } from "../lib/data.js";
import { readBio } from "./ner-data.js";
import { f1, prepare, ROWS, train } from "./perceptron.js";
import { type TrainingOptions, trainTagger } from "./tagger-training.js";

const L = LABEL_COUNT;
const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
/** Chosen by 5-fold cross-validation on example.dev (`--cv`): F1 still rose a little from 15 to 25 epochs. */
const epochs = Number(option("--epochs") ?? 25);
const options: TrainingOptions = {
  epochs,
  silverItems: Number(option("--silver") ?? 0),
  swaps: Number(option("--swaps") ?? 0),
  poolItems: Number(option("--pool") ?? 0),
};
const sentences = readBio(dataPath("ner/peoples-daily-1998/example.dev"));
if (process.argv.includes("--cv")) {
  const examples = sentences.map(prepare);
  const folds = 5;
  const mean: Record<string, number> = { PER: 0, LOC: 0, ORG: 0 };
  for (let k = 0; k < folds; k++) {
    const scores = f1(examples.filter((_, i) => i % folds === k), train(examples.filter((_, i) => i % folds !== k), epochs));
    for (const type of Object.keys(mean)) mean[type]! += scores[type]! / folds;
  }
  console.log(`${folds}-fold CV on example.dev, ${epochs} epochs: ${Object.entries(mean).map(([t, v]) => `${t} ${v.toFixed(3)}`).join("  ")}`);
  process.exit(0);
}
const trained = trainTagger(sentences, options);
const weights = trained.dense;

// only rows with a weight that matters are written; the rest stay zero
const lines: string[] = [];
const round = (v: number) => Number(v.toFixed(2));
for (let from = 0; from <= L; from++) {
  lines.push(`@${from} ${[...weights.transitions.subarray(from * L, from * L + L)].map(round).join(" ")}`);
}
let kept = 0;
for (let row = 0; row < ROWS; row++) {
  const values = [...weights.features.subarray(row * L, row * L + L)].map(round);
  if (values.every((v) => Math.abs(v) < 0.01)) continue;
  lines.push(`${row.toString(36)} ${values.join(" ")}`);
  kept++;
}
const header = [
  "# gongwen entity tagger weights (averaged structured perceptron, BIO labels " + LABELS.join(" ") + ").",
  "# Source: trained by bench/tools/train-ner.ts on People's Daily 1998 example.dev only (../shared/data/ner,",
  `#   research-use data, see its README), ${sentences.length} sentences, ${epochs} epochs; features in src/entities/tagger.ts.`,
  `# Format: \`@<from> w…\` transition rows (from = label index, ${L} = sentence start), then \`<row base36> w…\` one row`,
  `#   of ${L} weights per hashed feature (2^${HASH_BITS} rows; rows not listed are zero). Single spaces.`,
];
writeFileSync(resolve(projectRoot, "dict/entity-tagger.txt"), `${header.join("\n")}\n${lines.join("\n")}\n`);
console.log(`wrote dict/entity-tagger.txt: ${kept} feature rows`);
