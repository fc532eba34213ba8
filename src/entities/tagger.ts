/**
 * A compact character tagger for person, place and organisation names in running news text (where names come
 * without titles): an averaged structured perceptron over characters, jieba's words and tags, and the entity word
 * lists, decoded with Viterbi over BIO labels. Trained by `bench/tools/train-ner.ts` on People's Daily 1998
 * `example.dev` only; the weights ship in `dict/entity-tagger.txt`.
 *
 * Features are hashed into a fixed table, so extraction is a few integer operations and array reads per
 * character, and the same code computes them for training and for inference.
 */
import { dictParseError, readDictLines } from "../dict.js";
import type { Token } from "../schema.js";
import { type EntityLexicon, longestEndingAt, longestStartingAt } from "./lexicon.js";
import { isHan, type TokenIndex } from "./tokens.js";

export const LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"] as const;
export const LABEL_COUNT = LABELS.length;
/** Feature table size: 2^HASH_BITS rows of LABEL_COUNT weights. */
export const HASH_BITS = 19;
const MASK = (1 << HASH_BITS) - 1;
/** Feature templates per character (see `characterFeatures`). */
export const TEMPLATE_COUNT = 21;

/** Small ids for jieba tags (0 = other). */
const TAG_IDS = new Map(
  ["n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "v", "vn", "a", "ad", "d", "m", "q", "t", "f", "p", "c", "u", "uj", "r", "j", "l", "i", "w", "x", "eng", "s", "b", "ng", "vg", "ag"]
    .map((tag, i) => [tag, i + 1]),
);

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return h ^ (h >>> 15);
}

function feature(template: number, a: number, b = 0, c = 0): number {
  return (mix(mix(mix(Math.imul(template + 1, 0x9e3779b1), a), b), c) >>> 0) & MASK;
}

function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

const NUMERALS = new Set([..."〇一二三四五六七八九十百千万亿零两"].map((c) => c.charCodeAt(0)));

/** Character class: 0 Han, 1 digit or numeral, 2 Latin, 3 punctuation or space, 4 other, 5 outside the text. */
function charClass(text: string, i: number): number {
  if (i < 0 || i >= text.length) return 5;
  const c = text.charCodeAt(i);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || NUMERALS.has(c)) return 1;
  if (isHan(text, i)) return 0;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff5a)) return 2;
  if (c < 0x80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff20)) return 3;
  return 4;
}

/** BMES marks of dictionary matches: 0 none, 1 begin, 2 middle, 3 end, 4 single. */
function markSpan(marks: Uint8Array, start: number, end: number): void {
  if (end - start === 1) {
    marks[start] = 4;
    return;
  }
  marks[start] = 1;
  marks.fill(2, start + 1, end - 1);
  marks[end - 1] = 3;
}

/**
 * The hashed feature ids of every character, `TEMPLATE_COUNT` per character, in one array.
 * Computed identically when training and when tagging.
 */
export function characterFeatures(text: string, index: TokenIndex, lexicon: EntityLexicon): Int32Array {
  const n = text.length;
  const tokenPos = new Uint8Array(n); // BMES within the token
  const tokenTag = new Uint8Array(n);
  const tokenWord = new Int32Array(n);
  const tokenLength = new Uint8Array(n);
  for (const token of index.tokens as readonly Token[]) {
    const tag = TAG_IDS.get(token.pos) ?? 0;
    const hash = token.end - token.start <= 6 ? wordHash(text, token.start, token.end) : 1;
    markSpan(tokenPos, token.start, token.end);
    tokenTag.fill(tag, token.start, token.end);
    tokenWord.fill(hash, token.start, token.end);
    tokenLength.fill(Math.min(token.end - token.start, 6), token.start, token.end);
  }
  const place = new Uint8Array(n);
  const org = new Uint8Array(n);
  const surname = new Uint8Array(n);
  const titleEnd = new Uint8Array(n + 1);
  const suffixEnd = new Uint8Array(n + 1);
  for (const token of index.tokens as readonly Token[]) {
    const i = token.start;
    const p = longestStartingAt(lexicon.places, text, i);
    if (p && p.end - i >= 2) markSpan(place, i, p.end);
    const o = longestStartingAt(lexicon.orgNames, text, i);
    if (o) markSpan(org, i, o.end);
  }
  for (let i = 0; i < n; i++) {
    const s = longestStartingAt(lexicon.surnames, text, i);
    if (s) surname[i] = s.end - i;
    if (longestEndingAt(lexicon.titles, text, i + 1)) titleEnd[i + 1] = 1;
    if (longestEndingAt(lexicon.orgSuffixes, text, i + 1)) suffixEnd[i + 1] = 1;
  }
  // classes with one slot of padding each side for "outside the text"
  const classes = new Uint8Array(n + 2);
  for (let i = -1; i <= n; i++) classes[i + 1] = charClass(text, i);
  const code = (i: number) => (i < 0 ? 1 : i >= n ? 2 : text.charCodeAt(i));
  const out = new Int32Array(n * TEMPLATE_COUNT);
  for (let i = 0; i < n; i++) {
    const c0 = code(i);
    const cm1 = code(i - 1);
    const cp1 = code(i + 1);
    const cm2 = code(i - 2);
    const cp2 = code(i + 2);
    const tagPrev = i > 0 ? tokenTag[i - 1]! : 0;
    const tagNext = i + 1 < n ? tokenTag[i + 1]! : 0;
    const o = i * TEMPLATE_COUNT;
    out[o] = feature(0, 0);
    out[o + 1] = feature(1, c0);
    out[o + 2] = feature(2, cm1);
    out[o + 3] = feature(3, cp1);
    out[o + 4] = feature(4, cm2);
    out[o + 5] = feature(5, cp2);
    out[o + 6] = feature(6, cm1, c0);
    out[o + 7] = feature(7, c0, cp1);
    out[o + 8] = feature(8, cm1, cp1);
    out[o + 9] = feature(9, tokenTag[i]!, tokenPos[i]!);
    out[o + 10] = feature(10, tokenWord[i]!, tokenPos[i]!);
    out[o + 11] = feature(11, tagPrev, tokenTag[i]!, tagNext);
    out[o + 12] = feature(12, place[i]!, org[i]!);
    out[o + 13] = feature(13, surname[i]!, titleEnd[i]!, tokenPos[i]!);
    out[o + 14] = feature(14, suffixEnd[i + 1]!, tokenPos[i]!, tokenLength[i]!);
    out[o + 15] = feature(15, classes[i]!, classes[i + 1]!, classes[i + 2]!);
    out[o + 16] = feature(16, c0, tokenTag[i]!, tokenPos[i]!);
    out[o + 17] = feature(17, i > 0 ? surname[i - 1]! : 0, titleEnd[i]!, c0);
    out[o + 18] = feature(18, cm2, cm1);
    out[o + 19] = feature(19, cp1, cp2);
    out[o + 20] = feature(20, cm1, c0, cp1);
  }
  return out;
}

/**
 * Weights in a compact open-addressing table of 16-byte slots, one per known feature: the feature id + 1 (0 =
 * empty) as an int32, then the weights of the labels other than O as int16 hundredths, each less the feature's
 * O weight. Shifting every label of a character by the same amount changes no decision, so O's emission is 0 and
 * a slot holds one key and six weights in a quarter of a cache line (the file keeps two decimals, so this is
 * exact). The whole table is about 2 MB: tagging is bound by the cache misses of its lookups, and a dense
 * 2^HASH_BITS float table would be 15 MB.
 */
export interface TaggerWeights {
  slots: Int32Array;
  /** transitions[from * LABEL_COUNT + to]; row LABEL_COUNT is the sentence start. */
  transitions: Float32Array;
}

/** Weights are stored in hundredths. */
const WEIGHT_SCALE = 100;
const MAX_WEIGHT = 32767 / WEIGHT_SCALE;
/** int32s per slot: the key and (LABEL_COUNT - 1) int16 weights. */
const SLOT = 4;

const slotOf = (id: number, mask: number) => (Math.imul(id, 0x9e3779b1) >>> 0) & mask;
const toInt16 = (v: number) => Math.round(Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, v)) * WEIGHT_SCALE);

/** Builds the compact table from (feature id, weights) pairs. */
export function compactWeights(entries: ReadonlyArray<[number, ArrayLike<number>]>, transitions: Float32Array): TaggerWeights {
  let count = 1;
  while (count < entries.length * 1.5) count <<= 1;
  const mask = count - 1;
  const slots = new Int32Array(count * SLOT);
  const weights = new Int16Array(slots.buffer);
  for (const [id, values] of entries) {
    let slot = slotOf(id, mask);
    while (slots[slot * SLOT] !== 0) slot = (slot + 1) & mask;
    slots[slot * SLOT] = id + 1;
    for (let l = 1; l < LABEL_COUNT; l++) weights[slot * SLOT * 2 + 1 + l] = toInt16(values[l]! - values[0]!);
  }
  return { slots, transitions };
}

/**
 * Emission scores (`n` × `LABEL_COUNT`) of the characters' features under compact weights, each character's
 * scores shifted so that O scores 0.
 */
export function emissions(features: Int32Array, n: number, weights: TaggerWeights): Float32Array {
  const out = new Float32Array(n * LABEL_COUNT);
  const { slots } = weights;
  const halves = new Int16Array(slots.buffer, slots.byteOffset, slots.length * 2);
  const mask = slots.length / SLOT - 1;
  const sums = new Int32Array(LABEL_COUNT);
  const home = new Int32Array(TEMPLATE_COUNT);
  const first = new Int32Array(TEMPLATE_COUNT);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const base = i * TEMPLATE_COUNT;
    // the first probe of every feature before any is resolved: the loads are independent, so their cache misses overlap
    for (let k = 0; k < TEMPLATE_COUNT; k++) {
      const slot = slotOf(features[base + k]!, mask);
      home[k] = slot;
      first[k] = slots[slot * SLOT]!;
    }
    for (let k = 0; k < TEMPLATE_COUNT; k++) {
      const key = features[base + k]! + 1;
      let slot = home[k]!;
      let found = first[k]!;
      while (found !== 0 && found !== key) {
        slot = (slot + 1) & mask;
        found = slots[slot * SLOT]!;
      }
      if (found === 0) continue;
      const o = slot * SLOT * 2 + 1;
      for (let l = 1; l < LABEL_COUNT; l++) sums[l] = sums[l]! + halves[o + l]!;
    }
    for (let l = 1; l < LABEL_COUNT; l++) out[i * LABEL_COUNT + l] = sums[l]! / WEIGHT_SCALE;
  }
  return out;
}

/** A label may follow another: I-X only after B-X or I-X. */
function allowed(from: number, to: number): boolean {
  const label = LABELS[to]!;
  if (!label.startsWith("I-")) return true;
  if (from < 0 || from >= LABEL_COUNT) return false;
  return LABELS[from]!.slice(2) === label.slice(2);
}

const DISALLOWED = -1e9;

/** Transition scores with the forbidden moves (O → I-PER) folded in. */
export function maskTransitions(transitions: ArrayLike<number>): Float32Array {
  const out = new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let from = 0; from <= LABEL_COUNT; from++) {
    for (let to = 0; to < LABEL_COUNT; to++) {
      const ok = allowed(from === LABEL_COUNT ? -1 : from, to);
      out[from * LABEL_COUNT + to] = ok ? transitions[from * LABEL_COUNT + to]! : DISALLOWED;
    }
  }
  return out;
}

/** Best label sequence given emission scores and masked transitions (`maskTransitions`). */
export function viterbi(emission: Float32Array, n: number, transitions: Float32Array): Uint8Array {
  const L = LABEL_COUNT;
  const score = new Float32Array(n * L);
  const back = new Uint8Array(n * L);
  const t = transitions;
  for (let to = 0; to < L && n > 0; to++) score[to] = t[L * L + to]! + emission[to]!;
  for (let i = 1; i < n; i++) {
    for (let to = 0; to < L; to++) {
      let best = -Infinity;
      let arg = 0;
      for (let from = 0; from < L; from++) {
        const s = score[(i - 1) * L + from]! + t[from * L + to]!;
        if (s > best) {
          best = s;
          arg = from;
        }
      }
      score[i * L + to] = best + emission[i * L + to]!;
      back[i * L + to] = arg;
    }
  }
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  let last = 0;
  for (let l = 1; l < L; l++) if (score[(n - 1) * L + l]! > score[(n - 1) * L + last]!) last = l;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = last;
    last = back[i * L + last]!;
  }
  return labels;
}

/**
 * Spans of the labels, with type PER, LOC or ORG.
 *
 * @example
 * labelSpans(Uint8Array.from([1, 2, 2, 0])) // → [{ type: "PER", start: 0, end: 3 }]
 */
export function labelSpans(labels: Uint8Array): { type: "PER" | "LOC" | "ORG"; start: number; end: number }[] {
  const spans: { type: "PER" | "LOC" | "ORG"; start: number; end: number }[] = [];
  for (let i = 0; i < labels.length; i++) {
    const label = LABELS[labels[i]!]!;
    if (!label.startsWith("B-")) continue;
    let end = i + 1;
    while (end < labels.length && LABELS[labels[end]!] === `I-${label.slice(2)}`) end++;
    spans.push({ type: label.slice(2) as "PER" | "LOC" | "ORG", start: i, end });
    i = end - 1;
  }
  return spans;
}

const WEIGHTS_FILE = "entity-tagger.txt";
let loaded: { weights: TaggerWeights; transitions: Float32Array } | undefined;

/** The shipped weights (and masked transitions), loaded on first use. Format: see `dict/entity-tagger.txt`. */
function taggerWeights(): { weights: TaggerWeights; transitions: Float32Array } {
  if (loaded) return loaded;
  const transitions = new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT);
  const entries: [number, number[]][] = [];
  for (const line of readDictLines(WEIGHTS_FILE, " ")) {
    const [key, ...values] = line.fields;
    if (values.length !== LABEL_COUNT || !key) throw dictParseError(WEIGHTS_FILE, line, `expected a key and ${LABEL_COUNT} weights`);
    const numbers = values.map(Number);
    if (numbers.some((v) => !Number.isFinite(v))) throw dictParseError(WEIGHTS_FILE, line, "weight is not a number");
    if (key.startsWith("@")) {
      const from = Number(key.slice(1));
      if (!(from >= 0 && from <= LABEL_COUNT)) throw dictParseError(WEIGHTS_FILE, line, "bad transition row");
      transitions.set(numbers, from * LABEL_COUNT);
    } else {
      const id = Number.parseInt(key, 36);
      if (!(id >= 0 && id <= MASK)) throw dictParseError(WEIGHTS_FILE, line, "feature id out of range");
      entries.push([id, numbers]);
    }
  }
  const weights = compactWeights(entries, transitions);
  loaded = { weights, transitions: maskTransitions(transitions) };
  return loaded;
}

/**
 * Replaces the shipped weights for this process (the training tools evaluate the whole extractor with weights
 * trained on part of example.dev, on the part held out).
 */
export function useTaggerWeights(weights: TaggerWeights): void {
  loaded = { weights, transitions: maskTransitions(weights.transitions) };
}

/**
 * BIO labels of every character of `text`.
 *
 * @example
 * labelSpans(tagCharacters(text, index, lexicon)) // "江泽民会见克林顿" → [PER 0–3, PER 5–8]
 */
export function tagCharacters(text: string, index: TokenIndex, lexicon: EntityLexicon): Uint8Array {
  const { weights, transitions } = taggerWeights();
  return viterbi(emissions(characterFeatures(text, index, lexicon), text.length, weights), text.length, transitions);
}
