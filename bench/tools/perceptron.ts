/**
 * The averaged structured perceptron behind src/entities/tagger.ts: example preparation (features from the same
 * code as inference), training with the lazy-average trick, and span F1 for choosing the number of epochs.
 */
import { entityLexicon } from "../../src/entities/lexicon.js";
import {
  characterFeatures, compactWeights, HASH_BITS, LABEL_COUNT, LABELS, labelSpans, maskTransitions, TEMPLATE_COUNT,
  type TaggerWeights, viterbi,
} from "../../src/entities/tagger.js";
import { indexTokens } from "../../src/entities/tokens.js";
import { createAnalyzer } from "../../src/analyzer.js";
import type { BioSentence } from "./ner-data.js";

/** `allowed`: per character, the bit set of the labels the gold path may take there (absent: `gold` is certain). */
export interface Example { text: string; n: number; features: Int32Array; gold: Uint8Array; spans: BioSentence["spans"]; allowed?: Uint8Array }

const analyzer = createAnalyzer();
const lexicon = entityLexicon();
export const ROWS = 1 << HASH_BITS;
const L = LABEL_COUNT;

export function prepare(sentence: BioSentence): Example {
  const index = indexTokens(sentence.text, analyzer.segment(sentence.text));
  const gold = new Uint8Array(sentence.text.length);
  for (const span of sentence.spans) {
    gold[span.start] = LABELS.indexOf(`B-${span.type}`);
    gold.fill(LABELS.indexOf(`I-${span.type}`), span.start + 1, span.end);
  }
  const features = characterFeatures(sentence.text, index, lexicon);
  return { text: sentence.text, n: sentence.text.length, features, gold, spans: sentence.spans, allowed: allowedLabels(sentence, gold) };
}

const bitsOf = (type: string) => (1 << LABELS.indexOf(`B-${type}` as (typeof LABELS)[number])) | (1 << LABELS.indexOf(`I-${type}` as (typeof LABELS)[number]));

/** The labels each character's gold path may take, for a sentence with unlabelled types or unsure spans. */
function allowedLabels(sentence: BioSentence, gold: Uint8Array): Uint8Array | undefined {
  if (!sentence.unlabelled?.length && !sentence.unsure?.length) return undefined;
  const open = (sentence.unlabelled ?? []).reduce((bits, type) => bits | bitsOf(type), 0);
  const allowed = gold.map((label) => (1 << label) | (label === 0 ? open : 0));
  for (const span of sentence.unsure ?? []) allowed.fill(1 | bitsOf(span.type), span.start, span.end);
  return allowed;
}

/** The best path that takes only allowed labels (`Example.allowed`), under these emission scores. */
function constrainedGold(ex: Example, emission: Float32Array, transitions: Float32Array): Uint8Array {
  const masked = emission.slice();
  for (let i = 0; i < ex.n; i++) {
    for (let l = 0; l < L; l++) if (!((ex.allowed![i]! >> l) & 1)) masked[i * L + l] = -1e9;
  }
  return viterbi(masked, ex.n, transitions);
}

/** Dense weights as training keeps them: `LABEL_COUNT` per feature id, and raw transitions. */
export interface DenseWeights {
  features: Float32Array;
  transitions: Float32Array;
}

/** Emission scores under dense weights (training's counterpart of tagger.ts `emissions`). */
function denseEmissions(features: Int32Array, n: number, dense: Float32Array): Float32Array {
  const out = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < TEMPLATE_COUNT; k++) {
      const row = features[i * TEMPLATE_COUNT + k]! * L;
      for (let l = 0; l < L; l++) out[i * L + l] = out[i * L + l]! + dense[row + l]!;
    }
  }
  return out;
}

/**
 * Weights without the feature rows whose labels' weights all lie within `threshold` of O's (a row only shifts
 * scores by those differences): fewer rows mean a smaller file and fewer cache misses when tagging.
 */
export function pruneRows(weights: DenseWeights, threshold: number): DenseWeights {
  if (threshold <= 0) return weights;
  const features = weights.features.slice();
  for (let row = 0; row < ROWS; row++) {
    const o = features[row * L]!;
    let spread = 0;
    for (let l = 1; l < L; l++) spread = Math.max(spread, Math.abs(features[row * L + l]! - o));
    if (spread < threshold) features.fill(0, row * L, row * L + L);
  }
  return { features, transitions: weights.transitions };
}

/** The compact inference table (tagger.ts) for dense weights, keeping rows with any weight of 0.01 or more. */
export function toCompact(weights: DenseWeights): TaggerWeights {
  const entries: [number, Float32Array][] = [];
  for (let row = 0; row < ROWS; row++) {
    const values = weights.features.subarray(row * L, row * L + L);
    if (values.some((v) => Math.abs(v) >= 0.01)) entries.push([row, values]);
  }
  return compactWeights(entries, weights.transitions);
}

export function decode(ex: Example, weights: DenseWeights): Uint8Array {
  return viterbi(denseEmissions(ex.features, ex.n, weights.features), ex.n, maskTransitions(weights.transitions));
}

/** The training order's seed of the shipped weights. */
export const DEFAULT_SEED = 12345;

/**
 * Averaged perceptron with the usual lazy average: avg = w - u / c. `seed` fixes the order the examples are visited
 * in each epoch; F1 moves by about a point from one order to another, so compare variants over several seeds.
 */
export function train(
  examples: Example[],
  epochs: number,
  onEpoch?: (epoch: number, weights: DenseWeights) => void,
  seed = DEFAULT_SEED,
): DenseWeights {
  const w = new Float64Array(ROWS * L);
  const u = new Float64Array(ROWS * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  let c = 1;
  const current: DenseWeights = { features: new Float32Array(ROWS * L), transitions: new Float32Array((L + 1) * L) };
  const averaged = (): DenseWeights => {
    const features = new Float32Array(ROWS * L);
    for (let i = 0; i < features.length; i++) features[i] = w[i]! - u[i]! / c;
    const transitions = new Float32Array((L + 1) * L);
    for (let i = 0; i < transitions.length; i++) transitions[i] = tw[i]! - tu[i]! / c;
    return { features, transitions };
  };
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = examples.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const ex = examples[k]!;
      const emission = denseEmissions(ex.features, ex.n, current.features);
      const transitions = maskTransitions(current.transitions);
      const guess = viterbi(emission, ex.n, transitions);
      const gold = ex.allowed ? constrainedGold(ex, emission, transitions) : ex.gold;
      for (let i = 0; i < ex.n; i++) {
        const g = gold[i]!;
        const p = guess[i]!;
        const gPrev = i === 0 ? L : gold[i - 1]!;
        const pPrev = i === 0 ? L : guess[i - 1]!;
        if (g !== p) {
          for (let f = 0; f < TEMPLATE_COUNT; f++) {
            const row = ex.features[i * TEMPLATE_COUNT + f]! * L;
            w[row + g]! += 1; u[row + g]! += c; current.features[row + g]! += 1;
            w[row + p]! -= 1; u[row + p]! -= c; current.features[row + p]! -= 1;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          tw[gPrev * L + g]! += 1; tu[gPrev * L + g]! += c; current.transitions[gPrev * L + g]! += 1;
          tw[pPrev * L + p]! -= 1; tu[pPrev * L + p]! -= c; current.transitions[pPrev * L + p]! -= 1;
        }
      }
      c++;
    }
    onEpoch?.(epoch, averaged());
  }
  return averaged();
}

/** Exact-span counts per type: true positives, predicted, gold. */
export type SpanCounts = Record<string, { tp: number; p: number; g: number }>;

/** Adds the exact-span counts of the examples tagged with `weights` to `counts`. */
export function countSpans(examples: readonly Example[], weights: DenseWeights, counts: SpanCounts = {}): SpanCounts {
  for (const type of ["PER", "LOC", "ORG"]) counts[type] ??= { tp: 0, p: 0, g: 0 };
  for (const ex of examples) {
    const found = labelSpans(decode(ex, weights));
    const gold = new Set(ex.spans.map((s) => `${s.type}:${s.start}:${s.end}`));
    for (const s of found) {
      counts[s.type]!.p++;
      if (gold.has(`${s.type}:${s.start}:${s.end}`)) counts[s.type]!.tp++;
    }
    for (const s of ex.spans) counts[s.type]!.g++;
  }
  return counts;
}

/** F1 of exact-span counts. */
export const spanF1 = ({ tp, p, g }: { tp: number; p: number; g: number }) => (p && g && tp ? (2 * tp) / (p + g) : 0);

/** Exact-span F1 per type. */
export function f1(examples: Example[], weights: DenseWeights): Record<string, number> {
  return Object.fromEntries(Object.entries(countSpans(examples, weights)).map(([type, c]) => [type, spanF1(c)]));
}
