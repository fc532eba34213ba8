/**
 * Trains the entity tagger (src/entities/tagger.ts), an averaged structured perceptron, on the public training sets
 * (train-ner-sets.ts: People's Daily example.dev, MSRA's training split, CLUENER2020, BosonNLP, Resume NER, Weibo
 * NER; never a test set) and writes the weights to dict/entity-tagger.bin, after the job titles CLUENER and Resume
 * annotate to dict/entity-tagger-titles.txt (a feature). The features read the entity word lists (surnames, titles,
 * places, organisations), so retrain after changing those files.
 *
 *   npx tsx bench/tools/train-ner.ts                         # train as shipped, write the weights and digests
 *   npx tsx bench/tools/train-ner.ts --cv [--folds N] [--fold K] [--drop T,T] [--epochs N | --at 4,8,12] [--prune 0,1,2] [--sets SPEC;SPEC…]
 *
 * SPEC names the sets and how to train on each (tagger-training.ts `parseSets`): `pd*2,cluener/LOC,boson@50` is
 * example.dev twice, CLUENER with LOC unlabelled, the first half of BosonNLP (default `DEFAULT_SETS`).
 * `--cv` cross-validates each SPEC (`;` between them) in one run: fold k holds out the k-th contiguous block of
 * every set (neighbouring sentences share names), trains one order on the rest of the SPEC's sets, and scores the
 * tagger alone on every set's held-out block, exact spans, after `--epochs` (or after each epoch of `--at`, the last
 * also with the rows of each `--prune` threshold dropped, perceptron.ts `pruneRows`); no writing. The sets are chosen on these figures.
 *
 * Training as shipped takes minutes, so CI repeats a small run instead (`smallRunFile`): this command records its
 * digest and the shipped file's in test/fixtures/entity-tagger-digests.json.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { projectRoot } from "../lib/data.js";
import { countSpans, type Example, prepare, pruneRows, type SpanCounts, spanF1, train } from "./perceptron.js";
import {
  annotatedTitlesText, DEFAULT_ENSEMBLE, DEFAULT_EPOCHS, DEFAULT_PRUNE, DEFAULT_SETS, parseSets, type WeightedSet, sha256, smallRunFile, TRAINING_DIGESTS, trainingSentences, trainTagger,
  weightsFileBytes,
} from "./tagger-training.js";
import { readTrainingSet, SET_NAMES, type SetName } from "./train-ner-sets.js";
import type { BioSentence } from "./ner-data.js";
import { TEMPLATE_COUNT } from "../../src/entities/tagger.js";

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const epochs = Number(option("--epochs") ?? DEFAULT_EPOCHS);
// the title feature reads this list: written first, from the training sets' title annotations
writeFileSync(resolve(projectRoot, "dict/entity-tagger-titles.txt"), annotatedTitlesText());

if (process.argv.includes("--cv")) {
  const folds = Number(option("--folds") ?? 5);
  // `--fold K`: only the K-th fold (a quicker, noisier comparison)
  const foldList = option("--fold") === undefined ? Array.from({ length: folds }, (_, k) => k) : [Number(option("--fold"))];
  const specs = (option("--sets") ?? DEFAULT_SETS).split(";");
  const at = (option("--at") ?? String(epochs)).split(",").map(Number);
  // pruning thresholds scored after the last epoch (pruneRows)
  const prunes = (option("--prune") ?? "0").split(",").map(Number);
  // `--drop 21,22`: those templates read one constant feature (an ablation without editing tagger.ts). The constant
  // rows act as extra biases, which cost person F1 on MSRA's block by themselves (4 points with four or five
  // templates dropped, README "Named entities"), so compare only runs that drop as many templates.
  const dropped = (option("--drop") ?? "").split(",").filter(Boolean).map(Number);
  const prepareKept = (sentence: BioSentence) => {
    const example = prepare(sentence);
    for (let i = 0; i < example.n; i++) for (const t of dropped) example.features[i * TEMPLATE_COUNT + t] = 0;
    return example;
  };
  const examples = new Map<SetName, Example[]>(SET_NAMES.map((name) => [name, readTrainingSet(name).map(prepareKept)]));
  /** The examples of a set read with some types unlabelled, prepared once. */
  const variants = new Map<string, Example[]>();
  const examplesOf = ({ name, unlabelled }: WeightedSet) => {
    if (unlabelled.length === 0) return examples.get(name)!;
    const key = `${name}/${unlabelled.join("+")}`;
    if (!variants.has(key)) variants.set(key, readTrainingSet(name, unlabelled).map(prepareKept));
    return variants.get(key)!;
  };
  const block = (all: Example[], k: number) => [Math.floor((all.length * k) / folds), Math.floor((all.length * (k + 1)) / folds)] as const;
  console.log(`${folds}-fold CV${foldList.length < folds ? ` (fold ${foldList.join(", ")} only)` : ""}, ${at.join(", ")} epochs, one training order, tagger alone; F1 person / place / org on each set's held-out blocks`);
  console.log(`| training sets | ${SET_NAMES.join(" | ")} |`);
  console.log(`|---|${SET_NAMES.map(() => "---").join("|")}|`);
  /** The F1 (person / place / org) of held-out counts. */
  const cell = (c: SpanCounts) => ["PER", "LOC", "ORG"].map((type) => spanF1(c[type]!).toFixed(3)).join(" / ");
  for (const spec of specs) {
    // counts per scored epoch per set: each fold's averaged weights are scored after each epoch of `at`
    const checkpoints = [...at.slice(0, -1).map((epoch) => ({ epoch, prune: 0 })), ...prunes.map((prune) => ({ epoch: at.at(-1)!, prune }))];
    const counts = new Map(checkpoints.map((point) => [point, new Map<SetName, SpanCounts>(SET_NAMES.map((name) => [name, {}]))]));
    for (const k of foldList) {
      const training = parseSets(spec).flatMap((set) => {
        const all = examplesOf(set);
        const [from, to] = block(all, k);
        const rest = [...all.slice(0, from), ...all.slice(to)].slice(0, Math.round((all.length - to + from) * set.share));
        return Array.from({ length: set.copies }, () => rest).flat();
      });
      train(training, at.at(-1)!, (epoch, weights) => {
        for (const point of checkpoints.filter((p) => p.epoch === epoch)) {
          const pruned = pruneRows(weights, point.prune);
          for (const name of SET_NAMES) {
            const all = examples.get(name)!;
            const [from, to] = block(all, k);
            countSpans(all.slice(from, to), pruned, counts.get(point)!.get(name));
          }
        }
      });
    }
    for (const [{ epoch, prune }, bySet] of counts) {
      const label = `${spec}${at.length > 1 ? `, ${epoch} epochs` : ""}${prune ? `, rows within ${prune} pruned` : ""}`;
      console.log(`| ${label} | ${SET_NAMES.map((name) => cell(bySet.get(name)!)).join(" | ")} |`);
    }
  }
  process.exit(0);
}

const sets = parseSets(option("--sets") ?? DEFAULT_SETS);
const ensemble = Number(option("--ensemble") ?? DEFAULT_ENSEMBLE);
const sentences = trainingSentences(sets);
const bytes = weightsFileBytes(trainTagger(sentences, { epochs, silverItems: 0, swaps: 0, poolItems: 0, ensemble }).dense, { sets, sentences: sentences.length, epochs, ensemble, prune: DEFAULT_PRUNE });
writeFileSync(resolve(projectRoot, "dict/entity-tagger.bin"), bytes);
const digests = { smallRun: sha256(smallRunFile()), shipped: sha256(bytes) };
writeFileSync(resolve(projectRoot, TRAINING_DIGESTS), `${JSON.stringify(digests, null, 2)}\n`);
console.log(`wrote dict/entity-tagger.bin (${(bytes.byteLength / 1e6).toFixed(1)} MB) and ${TRAINING_DIGESTS}`);
