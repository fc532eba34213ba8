/**
 * The tagger's training recipe, shared by train-ner.ts (the shipped weights) and dev-eval.ts (cross-validation):
 * train on the gold sentences (the public sets of `DEFAULT_SETS`, train-ner-sets.ts); with silver data, label 新闻联播 sentences with the extractor running that first
 * tagger and train again on gold plus silver; with augmentation, add copies of the gold sentences that name
 * people, each person replaced by another name seen in training, so that the tagger learns the contexts of names
 * rather than the few hundred names of example.dev.
 *
 * Measured with dev-eval.ts when example.dev was the only gold (5-fold, whole extractor, person F1; gold only 0.758
 * with the same rules): silver from
 * 2,000 items 0.732 (the first tagger's misses become "no name"), one swap from example.dev's names 0.754, one swap
 * from a pool with the titled names of 5,000 / all items 0.761 / 0.773 (gold only 0.772 then), two swaps 0.753.
 * Partly labelled silver (only the titled names sure, the rest open) gave 0.720-0.729 and was dropped.
 */
import { createHash } from "node:crypto";
import { entityLexicon } from "../../src/entities/lexicon.js";
import { HASH_BITS, LABEL_COUNT, LABELS, type TaggerWeights, weightsFile } from "../../src/entities/tagger.js";
import type { BioSentence, BioType } from "./ner-data.js";
import { annotatedTitles, fileDigest, PROVENANCE, readTrainingSet, SET_NAMES, type SetName } from "./train-ner-sets.js";
import { DEFAULT_SEED, type DenseWeights, type Example, prepare, pruneRows, toCompact, train } from "./perceptron.js";
import { silverSentences, titledNames, xwlbTexts } from "./silver-ner.js";

/**
 * Chosen by 5-fold cross-validation (`train-ner.ts --cv --at 4,8,12`, the shipped sets): example.dev person / place /
 * org 0.807 / 0.770 / 0.693 after 4 epochs, 0.814 / 0.764 / 0.688 after 8, 0.814 / 0.761 / 0.687 after 12.
 */
export const DEFAULT_EPOCHS = 10;

/**
 * Training orders averaged for the shipped weights. On example.dev alone (`dev-eval.ts --seeds 12345,100,200,300
 * --policy`, whole extractor) one order gave CV F1 person/place/org 0.774/0.750/0.646 and four averaged
 * 0.779/0.753/0.650; with twelve times the data one order's luck counts for less, and each order takes minutes.
 */
export const DEFAULT_ENSEMBLE = 2;

/**
 * The training sets of the shipped weights and how many copies of each (`parseSets`), chosen by `train-ner.ts --cv`
 * (fold 0, 10 epochs, person / place / org on MSRA's held-out block: without MSRA 0.800 / 0.696 / 0.726, with it
 * 0.861 / 0.833 / 0.796, twice 0.857 / 0.835 / 0.805).
 */
export const DEFAULT_SETS = "pd*3,msra,cluener/LOC,boson/LOC,resume,weibo";

/**
 * A training set, how many copies of it to train on, the types left unlabelled in it (train-ner-sets.ts), and the
 * share of its sentences trained on (the first ones; for learning curves).
 */
export interface WeightedSet { name: SetName; copies: number; unlabelled: BioType[]; share: number }

/**
 * `pd*2,cluener/LOC,boson@50` → pd twice, CLUENER once with LOC unlabelled (`/LOC+ORG` for two types), the first
 * half of BosonNLP.
 */
export function parseSets(spec: string): WeightedSet[] {
  return spec.split(",").map((part) => {
    const [, name, open, percent, copies] = /^(\w+)(?:\/([A-Z+]+))?(?:@(\d+))?(?:\*(\d+))?$/u.exec(part.trim()) ?? [];
    const unlabelled = open ? (open.split("+") as BioType[]) : [];
    if (!SET_NAMES.includes(name as SetName) || unlabelled.some((t) => !["PER", "LOC", "ORG"].includes(t))) {
      throw new Error(`bad training set "${part}" (sets: ${SET_NAMES.join(", ")})`);
    }
    return { name: name as SetName, copies: Number(copies ?? 1), unlabelled, share: Number(percent ?? 100) / 100 };
  });
}

/** The sentences of the sets, each set repeated `copies` times (the same objects: prepared once). */
export function trainingSentences(sets: readonly WeightedSet[]): BioSentence[] {
  return sets.flatMap(({ name, copies, unlabelled, share }) => {
    const all = readTrainingSet(name, unlabelled);
    const sentences = all.slice(0, Math.round(all.length * share));
    return Array.from({ length: copies }, () => sentences).flat();
  });
}

/**
 * Feature rows whose weights all lie within this of O's are dropped (perceptron.ts `pruneRows`): CV F1 unchanged
 * (`train-ner.ts --cv --prune 0,0.5,1,2`), 410k → 236k rows.
 */
export const DEFAULT_PRUNE = 2;

export interface TrainingOptions {
  epochs: number;
  /** How many 新闻联播 items to label as silver data (0: gold only). */
  silverItems: number;
  /** How many name-swapped copies of each gold sentence that names a person (0: none). */
  swaps: number;
  /** How many 新闻联播 items give titled names (title rules only) to the swap pool besides the gold names. */
  poolItems: number;
  /** The training order's seed (default: the shipped weights'). */
  seed?: number;
  /**
   * How many training orders (seeds `seed`, `seed + 1`, …) to train and average the weights of (default
   * `DEFAULT_ENSEMBLE`). The scores are linear in the weights, so this averages the taggers' scores: one order's
   * luck counts for less.
   */
  ensemble?: number;
  /** Pruning threshold (default `DEFAULT_PRUNE`). */
  prune?: number;
}

export interface TrainedTagger {
  dense: DenseWeights;
  compact: TaggerWeights;
  silverSentences: number;
  swappedSentences: number;
}

/** A foreign name: written with a middle dot or not starting with a surname. */
const isForeign = (name: string, surnames: { has(word: string): boolean }) => /[·•]/u.test(name) || !(surnames.has(name[0]!) || surnames.has(name.slice(0, 2)));

/**
 * Copies of the sentences naming people with every person replaced by a name drawn from `names`, a Chinese name for
 * a Chinese one and a foreign name for a foreign one.
 */
export function swapNames(sentences: readonly BioSentence[], names: readonly string[], copies: number, seed = 7): BioSentence[] {
  const surnames = entityLexicon().surnames.words;
  const pools = [names.filter((n) => !isForeign(n, surnames)), names.filter((n) => isForeign(n, surnames))];
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out: BioSentence[] = [];
  for (const sentence of sentences) {
    if (!sentence.spans.some((s) => s.type === "PER")) continue;
    for (let copy = 0; copy < copies; copy++) {
      let text = "";
      let from = 0;
      const spans: BioSentence["spans"] = [];
      for (const span of [...sentence.spans].sort((a, b) => a.start - b.start)) {
        text += sentence.text.slice(from, span.start);
        const original = sentence.text.slice(span.start, span.end);
        const pool = pools[isForeign(original, surnames) ? 1 : 0]!;
        const name = span.type === "PER" && pool.length > 0 ? pool[Math.floor(random() * pool.length)]! : original;
        spans.push({ type: span.type, start: text.length, end: text.length + name.length });
        text += name;
        from = span.end;
      }
      out.push({ text: text + sentence.text.slice(from), spans });
    }
  }
  return out;
}

const personNames = (sentences: readonly BioSentence[]) =>
  [...new Set(sentences.flatMap((s) => s.spans.filter((p) => p.type === "PER").map((p) => s.text.slice(p.start, p.end))))].sort();

export function trainTagger(gold: readonly BioSentence[], options: TrainingOptions): TrainedTagger {
  const prepared = new Map<BioSentence, Example>();
  const goldExamples = gold.map((sentence) => prepared.get(sentence) ?? prepared.set(sentence, prepare(sentence)).get(sentence)!);
  let silver: BioSentence[] = [];
  if (options.silverItems > 0) {
    const goldOnly = toCompact(train(goldExamples, options.epochs, undefined, options.seed));
    silver = silverSentences(xwlbTexts(options.silverItems), undefined, goldOnly);
  }
  const pool = options.swaps > 0 ? [...personNames([...gold, ...silver]), ...(options.poolItems > 0 ? titledNames(xwlbTexts(options.poolItems)) : [])] : [];
  const swapped = options.swaps > 0 ? swapNames(gold, [...new Set(pool)], options.swaps) : [];
  const examples = [...goldExamples, ...[...silver, ...swapped].map(prepare)];
  const first = options.seed ?? DEFAULT_SEED;
  const runs = Array.from({ length: options.ensemble ?? DEFAULT_ENSEMBLE }, (_, k) => train(examples, options.epochs, undefined, first + k));
  const dense = pruneRows(averageWeights(runs), options.prune ?? DEFAULT_PRUNE);
  return { dense, compact: toCompact(dense), silverSentences: silver.length, swappedSentences: swapped.length };
}

/** The mean of several taggers' weights (the first itself when there is one). */
function averageWeights(runs: readonly DenseWeights[]): DenseWeights {
  if (runs.length === 1) return runs[0]!;
  const mean = (pick: (w: DenseWeights) => Float32Array) => {
    const out = new Float32Array(pick(runs[0]!).length);
    for (const run of runs) {
      const values = pick(run);
      for (let i = 0; i < out.length; i++) out[i]! += values[i]! / runs.length;
    }
    return out;
  };
  return { features: mean((w) => w.features), transitions: mean((w) => w.transitions) };
}

/**
 * The small deterministic training run CI repeats (test/entity-tagger.test.ts) instead of the full one (minutes):
 * the first 100 sentences of each shipped set, 3 epochs, two training orders, as a weights file.
 * `train-ner.ts` records its digest with the shipped file's in `TRAINING_DIGESTS`.
 */
export function smallRunFile(): Uint8Array {
  const sets = parseSets(DEFAULT_SETS).map((set) => ({ ...set, copies: 1 }));
  const sentences = sets.flatMap(({ name, unlabelled }) => readTrainingSet(name, unlabelled).slice(0, 100));
  const record = { sets, sentences: sentences.length, epochs: 3, ensemble: 2, prune: DEFAULT_PRUNE };
  return weightsFileBytes(trainTagger(sentences, { epochs: record.epochs, silverItems: 0, swaps: 0, poolItems: 0, ensemble: record.ensemble }).dense, record);
}

/** Where train-ner.ts records the digests of the small run and of the shipped weights. */
export const TRAINING_DIGESTS = "test/fixtures/entity-tagger-digests.json";

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** What the weights were trained on, for the weights file's header. */
export interface TrainingRecord { sets: readonly WeightedSet[]; sentences: number; epochs: number; ensemble: number; prune: number }

/** The header of dict/entity-tagger.bin: every training set with its provenance, terms and file digests, and the format. */
export function weightsFileHeader(record: TrainingRecord): string[] {
  return [
    "# gongwen entity tagger weights (averaged structured perceptron, BIO labels " + LABELS.join(" ") + ").",
    `# Trained by bench/tools/train-ner.ts on ${record.sentences} sentences, ${record.epochs} epochs, the mean of ${record.ensemble} training orders` +
      `${record.prune > 0 ? `, rows within ${record.prune} of O dropped` : ""};`,
    "#   features in src/entities/tagger.ts. Training sets (../shared/data/ner and bench/data/ner-train, see their READMEs; types mapped in",
    "#   bench/tools/train-ner-sets.ts), each published by its authors for research use, no licence file:",
    ...record.sets.map(({ name, copies, unlabelled }) =>
      `#   - ${PROVENANCE[name].source}${copies > 1 ? `, ${copies} copies` : ""}${unlabelled.length ? `, ${unlabelled.join("+")} unlabelled` : ""};` +
      ` sha256 ${PROVENANCE[name].files.map(fileDigest).join(" ")}`),
    `# Format (src/entities/tagger.ts weightsFile): this text, then the \`sections\` line naming each section and its element count;`,
    `#   each section starts at a multiple of 8 bytes, little-endian: the transitions (float32, from = label index, ${LABEL_COUNT} =`,
    `#   sentence start); the bit set of the 2^${HASH_BITS} hashed features that have weights, each uint32 of bits after the`,
    "#   count of features before it; their rows, 8 bytes each: six int8 steps (labels B-PER…I-ORG less O's) and the",
    "#   int16 hundredths per step.",
  ];
}

/**
 * The bytes of dict/entity-tagger.bin for trained weights: the header (`weightsFileHeader`), then the inference
 * table (tagger.ts `weightsFile`: the transitions, the weight rows of the features with a weight that matters,
 * relative to O, as int8 steps of a scale per row).
 *
 * @example
 * writeFileSync("dict/entity-tagger.bin", weightsFileBytes(trainTagger(sentences, options).dense, record));
 */
export function weightsFileBytes(weights: DenseWeights, record: TrainingRecord): Uint8Array {
  return weightsFile(toCompact(weights), weightsFileHeader(record));
}

/** Titles annotated fewer times than this are left out of the tagger's title list (one-off job descriptions). */
export const TITLE_MINIMUM = 2;

/**
 * The text of dict/entity-tagger-titles.txt: the job titles CLUENER and Resume annotate `TITLE_MINIMUM` times or
 * more, most frequent first, for the tagger's title feature (tagger.ts `annotatedTitles`).
 */
export function annotatedTitlesText(): string {
  const titles = [...annotatedTitles()].filter(([, count]) => count >= TITLE_MINIMUM).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const header = [
    "# gongwen entity tagger: job titles the training sets annotate, a feature of the tagger beside dict/entity-titles.txt.",
    `# Written by bench/tools/train-ner.ts: CLUENER2020 \`position\` and Resume NER \`TITLE\` spans (${PROVENANCE.cluener.source};`,
    `#   ${PROVENANCE.resume.source}; research use, no licence file), Han script, 2–8 characters, annotated ${TITLE_MINIMUM} times or more.`,
    "# Format: one title a line, the number of annotations after a tab, most frequent first.",
  ];
  return `${[...header, ...titles.map(([title, count]) => `${title}\t${count}`)].join("\n")}\n`;
}
