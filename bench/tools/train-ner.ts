/**
 * Trains the entity tagger (src/entities/tagger.ts): an averaged structured perceptron on People's Daily 1998
 * `example.dev` ONLY (never a test split), and writes the weights to dict/entity-tagger.txt. The features read the
 * entity word lists (surnames, titles, places, organisations), so retrain after changing those files.
 *
 *   npx tsx bench/tools/train-ner.ts [--epochs N]        # train on all of example.dev, write the weights
 *   npx tsx bench/tools/train-ner.ts --cv [--epochs N]   # 5-fold cross-validation on example.dev, no writing
 *
 * The shipped weights are the mean of `DEFAULT_ENSEMBLE` training orders (`--ensemble N` to change it; see
 * tagger-training.ts for the measurement).
 *
 * `--silver ITEMS`, `--swaps N` and `--pool ITEMS` add training data of our own (tagger-training.ts); none of them
 * raised the whole extractor's person F1 in dev-eval.ts, so the shipped weights use example.dev alone.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { dataPath, projectRoot } from "../lib/data.js";
import { readBio } from "./ner-data.js";
import { f1, prepare, train } from "./perceptron.js";
import { DEFAULT_ENSEMBLE, DEFAULT_EPOCHS, type TrainingOptions, trainTagger, weightsFileText } from "./tagger-training.js";

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const epochs = Number(option("--epochs") ?? DEFAULT_EPOCHS);
const options: TrainingOptions = {
  epochs,
  silverItems: Number(option("--silver") ?? 0),
  swaps: Number(option("--swaps") ?? 0),
  poolItems: Number(option("--pool") ?? 0),
  ensemble: Number(option("--ensemble") ?? DEFAULT_ENSEMBLE),
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
const text = weightsFileText(trainTagger(sentences, options).dense, sentences.length, epochs, options.ensemble);
writeFileSync(resolve(projectRoot, "dict/entity-tagger.txt"), text);
console.log(`wrote dict/entity-tagger.txt: ${text.split("\n").length - 1} lines`);
