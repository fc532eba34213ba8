/**
 * A compact character tagger for person, place and organisation names in running news text (where names come
 * without titles): an averaged structured perceptron over characters, jieba's words and tags, and the entity word
 * lists, decoded with Viterbi over BIO labels. Trained by `bench/tools/train-ner.ts` on public training sets
 * (People's Daily 1998 `example.dev`, MSRA's training split, CLUENER2020, BosonNLP, Resume NER, Weibo NER: the file's
 * header names them); the weights ship in `dict/entity-tagger.bin`, read in place (`weightsFile`).
 *
 * Features are hashed into a fixed table, so extraction is a few integer operations and array reads per
 * character, and the same code computes them for training and for inference. When tagging, the templates whose
 * arguments take few values and the single-character ones read their weights from tables built once per set of
 * weights, and the single-character ones from blocks made per character on first use (test/entity-tagger.test.ts
 * checks the result against Viterbi over `characterFeatures`).
 */
import { readFileSync } from "node:fs";
import { endianness } from "node:os";
import { dictParseError, dictPath, readDictLines } from "../dict.js";
import type { TaggerWeights } from "../core/resources.js";
import type { Token } from "../core/schema.js";
import { longestEndAfter, longestStartBefore, table, type WordTable } from "../core/words.js";
import type { EntityLexicon } from "./lexicon.js";
import type { TokenIndex } from "./tokens.js";

export type { TaggerWeights };

export const LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"] as const;
export const LABEL_COUNT = LABELS.length;
/** Feature table size: 2^HASH_BITS rows of LABEL_COUNT weights. */
export const HASH_BITS = 22;
const MASK = (1 << HASH_BITS) - 1;
/** Feature templates per character (see `characterFeatures`). */
export const TEMPLATE_COUNT = 21;

/** Characters whose features are computed per step (in reused buffers). */
const CHUNK = 256;

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

/**
 * Character classes of every UTF-16 unit, read once per character: 0 Han, 1 digit or numeral, 2 Latin, 3
 * punctuation or space, 4 other (5: outside the text). Filled range by range, the weaker class first (a numeral
 * is Han, 〇 and the full-width digits sit among the punctuation): a loop over 65,536 units costs every import
 * several milliseconds.
 */
const CLASSES = new Uint8Array(0x10000).fill(4);
for (const [value, ranges] of [
  [3, [[0, 0x7f], [0x3000, 0x303f], [0xff00, 0xff20]]],
  [2, [[0x41, 0x5a], [0x61, 0x7a], [0xff21, 0xff5a]]],
  [0, [[0x4e00, 0x9fff], [0x3400, 0x4dbf]]],
  [1, [[0x30, 0x39], [0xff10, 0xff19], ...[..."〇一二三四五六七八九十百千万亿零两"].map((c) => [c.charCodeAt(0), c.charCodeAt(0)])]],
] as const) {
  for (const [first, last] of ranges) CLASSES.fill(value, first, last + 1);
}
const OUTSIDE = 5;

/** BMES marks of dictionary matches: 0 none, 1 begin, 2 middle, 3 end, 4 single. */
function markSpan(marks: Uint8Array, start: number, end: number): void {
  if (end - start === 1) {
    marks[start] = 4;
    return;
  }
  marks[start] = 1;
  for (let i = start + 1; i < end - 1; i++) marks[i] = 2;
  marks[end - 1] = 3;
}

/** What the templates read about each character of a text, computed once per text. */
interface CharacterContext {
  text: string;
  /** BMES position within the jieba token, the token's tag id, word hash and length (at most 6). */
  tokenPos: Uint8Array;
  tokenTag: Uint8Array;
  tokenWord: Int32Array;
  tokenLength: Uint8Array;
  /** BMES marks of known places (two characters or more) and organisations starting at a token. */
  place: Uint8Array;
  org: Uint8Array;
  /** Length of the surname starting here (at most `SURNAME_LENGTHS` - 1: surnames take one or two), or 0. */
  surname: Uint8Array;
  /**
   * Where a title ends right before offset i (length n + 1): 1 a listed title (dict/entity-titles.txt), 2 only a
   * title the training sets annotate (`annotatedTitles`).
   */
  titleEnd: Uint8Array;
  /** 1 where an organisation suffix ends right before offset i (length n + 1). */
  suffixEnd: Uint8Array;
  /** Character classes with one slot of padding each side for "outside the text" (length n + 2). */
  classes: Uint8Array;
}

/** Surname lengths the features tell apart (0: none). */
const SURNAME_LENGTHS = 7;

/** Bytes of scratch memory the context of `n` characters takes. */
const contextBytes = (n: number) => 9 * n + 4;

/**
 * Zeroed scratch memory of `size` elements, carved from a buffer kept from call to call: allocating and freeing a
 * dozen typed arrays per sentence costs more than tagging it. Texts longer than `REUSED_LENGTH` characters get
 * memory of their own, so a long text does not pin its buffers.
 */
function scratch<T extends Uint8Array | Int32Array>(kept: Kept<T>, size: number): T {
  if (size > kept.buffer.length) {
    if (size > kept.limit) return kept.make(size);
    kept.buffer = kept.make(Math.min(kept.limit, Math.max(size, kept.buffer.length * 2)));
  }
  const memory = kept.buffer.subarray(0, size) as T;
  memory.fill(0);
  return memory;
}

interface Kept<T> {
  buffer: T;
  /** Largest buffer kept, in elements. */
  limit: number;
  make: (size: number) => T;
}

const REUSED_LENGTH = 1 << 16;
/** Bytes: the context (9 per character) and Viterbi's back pointers (7 per character); int32s: word hashes. */
const keptBytes: Kept<Uint8Array> = { buffer: new Uint8Array(0), limit: 16 * REUSED_LENGTH + 4, make: (k) => new Uint8Array(k) };
const keptInts: Kept<Int32Array> = { buffer: new Int32Array(0), limit: REUSED_LENGTH, make: (k) => new Int32Array(k) };
const bytes = (size: number) => scratch(keptBytes, size);
const ints = (size: number) => scratch(keptInts, size);

let trainingTitles: WordTable<true> | undefined;

/**
 * The job titles the training sets annotate (CLUENER `position`, Resume `TITLE`), written by train-ner.ts to
 * dict/entity-tagger-titles.txt: a feature beside the listed titles, which the rules read.
 */
function annotatedTitles(): WordTable<true> {
  trainingTitles ??= table(readDictLines("entity-tagger-titles.txt").map((line): [string, true] => [line.fields[0]!, true]));
  return trainingTitles;
}

/** The context of the characters of `text`, in `memory` (`contextBytes(text.length)` zeroed bytes). */
function characterContext(text: string, index: TokenIndex, lexicon: EntityLexicon, memory: Uint8Array): CharacterContext {
  const n = text.length;
  let offset = 0;
  const view = (length: number) => memory.subarray(offset, (offset += length));
  const tokenPos = view(n);
  const tokenTag = view(n);
  const tokenLength = view(n);
  const place = view(n);
  const org = view(n);
  const surname = view(n);
  const titleEnd = view(n + 1);
  const suffixEnd = view(n + 1);
  const classes = view(n + 2);
  const tokenWord = ints(n);
  const titles = annotatedTitles();
  for (const token of index.tokens as readonly Token[]) {
    const { start, end } = token;
    const tag = TAG_IDS.get(token.pos) ?? 0;
    const hash = end - start <= 6 ? wordHash(text, start, end) : 1;
    const length = Math.min(end - start, 6);
    // most tokens are a character or two: plain stores beat four fill() calls
    for (let i = start; i < end; i++) {
      tokenTag[i] = tag;
      tokenWord[i] = hash;
      tokenLength[i] = length;
    }
    markSpan(tokenPos, start, end);
  }
  for (const { start } of index.tokens as readonly Token[]) {
    const placeEnd = longestEndAfter(lexicon.places, text, start);
    if (placeEnd - start >= 2) markSpan(place, start, placeEnd);
    const orgEnd = longestEndAfter(lexicon.orgNames, text, start);
    if (orgEnd >= 0) markSpan(org, start, orgEnd);
  }
  classes[0] = classes[n + 1] = OUTSIDE;
  for (let i = 0; i < n; i++) {
    const surnameEnd = longestEndAfter(lexicon.surnames, text, i);
    if (surnameEnd >= 0) surname[i] = Math.min(surnameEnd - i, SURNAME_LENGTHS - 1);
    if (longestStartBefore(lexicon.titles, text, i + 1) >= 0) titleEnd[i + 1] = 1;
    else if (longestStartBefore(titles, text, i + 1) >= 0) titleEnd[i + 1] = 2;
    if (longestStartBefore(lexicon.orgSuffixes, text, i + 1) >= 0) suffixEnd[i + 1] = 1;
    classes[i + 1] = CLASSES[text.charCodeAt(i)]!;
  }
  return { text, tokenPos, tokenTag, tokenWord, tokenLength, place, org, surname, titleEnd, suffixEnd, classes };
}

/**
 * The `TEMPLATE_COUNT` feature ids of each character from `from` to `to`, written to `out` from 0. The templates
 * are computed in loops of at most eight hashes, so that V8 inlines every hash (it stops inlining in a function
 * after about eight of them, which doubles the cost).
 */
function writeFeatures(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  characterTemplates(context, from, to, out);
  smallTemplates(context, from, to, out);
  hashedTemplates(context, from, to, out);
}

/** The character code at `j`, 1 before the text and 2 after it. */
const codeAt = (text: string, j: number) => (j < 0 ? 1 : j >= text.length ? 2 : text.charCodeAt(j));

/** Templates 1–5 read one character each, at these offsets (template 1 + k at CHARACTER_OFFSETS[k]). */
const CHARACTER_OFFSETS = [0, -1, 1, -2, 2] as const;

/** Templates 0–5: a bias and the characters around. */
function characterTemplates({ text }: CharacterContext, from: number, to: number, out: Int32Array): void {
  const bias = feature(0, 0);
  for (let i = from, o = 0; i < to; i++, o += TEMPLATE_COUNT) {
    out[o] = bias;
    for (let k = 0; k < CHARACTER_OFFSETS.length; k++) out[o + 1 + k] = feature(1 + k, codeAt(text, i + CHARACTER_OFFSETS[k]!));
  }
}

/**
 * Templates whose arguments take few values, with how many values each argument takes: their ids are read from
 * tables indexed by the arguments (`smallKeys`), and when tagging, so are their weights.
 */
const SMALL_TEMPLATES = [
  [9, [TAG_IDS.size + 1, 5]], // the token's tag and the position in it
  [12, [5, 5]], // marks of known places and organisations
  [14, [2, 5, 7]], // an organisation suffix ends here, the position in the token, its length
  [15, [6, 6, 6]], // classes of the character and its neighbours
  [13, [SURNAME_LENGTHS, 3, 5]], // a surname starting here (its length), a title ending before, the position in the token
] as const;

/**
 * The keys of the small templates of characters `from` to `to`, `SMALL_TEMPLATES.length` per character: each
 * template's arguments in mixed radix, most significant first, with the radices of `SMALL_TEMPLATES`.
 */
function smallKeys(context: CharacterContext, from: number, to: number, keys: Int32Array): void {
  const { tokenPos, tokenTag, tokenLength, place, org, suffixEnd, classes, surname, titleEnd } = context;
  for (let i = from, o = 0; i < to; i++, o += SMALL_TEMPLATES.length) {
    keys[o] = tokenTag[i]! * 5 + tokenPos[i]!;
    keys[o + 1] = place[i]! * 5 + org[i]!;
    keys[o + 2] = (suffixEnd[i + 1]! * 5 + tokenPos[i]!) * 7 + tokenLength[i]!;
    keys[o + 3] = (classes[i]! * 6 + classes[i + 1]!) * 6 + classes[i + 2]!;
    keys[o + 4] = (surname[i]! * 3 + titleEnd[i]!) * 5 + tokenPos[i]!;
  }
}

/** The feature id of every key of every small template. */
const SMALL_IDS = SMALL_TEMPLATES.map(([template, sizes]) => {
  const count = sizes.reduce((a, b) => a * b, 1);
  return Int32Array.from({ length: count }, (_, key) => {
    const args = [0, 0, 0];
    for (let a = sizes.length - 1, rest = key; a >= 0; a--) {
      args[a] = rest % sizes[a]!;
      rest = Math.floor(rest / sizes[a]!);
    }
    return feature(template, args[0]!, args[1], args[2]);
  });
});

/** The small templates' keys of a chunk of characters. */
const chunkKeys = new Int32Array(CHUNK * SMALL_TEMPLATES.length);

/** Templates 9, 12–15 (`SMALL_TEMPLATES`): their ids looked up by key. */
function smallTemplates(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  for (let block = from; block < to; block += CHUNK) {
    const blockEnd = Math.min(to, block + CHUNK);
    smallKeys(context, block, blockEnd, chunkKeys);
    for (let i = block, o = (block - from) * TEMPLATE_COUNT, k = 0; i < blockEnd; i++, o += TEMPLATE_COUNT) {
      for (let j = 0; j < SMALL_TEMPLATES.length; j++, k++) out[o + SMALL_TEMPLATES[j]![0]] = SMALL_IDS[j]![chunkKeys[k]!]!;
    }
  }
}

/** The templates hashed when tagging too: pairs of characters, the word, tags around, surnames, the trigram. */
const HASHED_TEMPLATES = [6, 7, 8, 10, 11, 16, 17, 18, 19, 20];

/** Templates 6–8, 10, 11, 16–20 (see `HASHED_TEMPLATES`), in two loops. */
function hashedTemplates(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  pairAndWordTemplates(context, from, to, out);
  mixedTemplates(context, from, to, out);
}

/** Templates 16–20: the character with its tag or a surname before it, wider pairs, the trigram. */
function mixedTemplates(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  const { text, tokenPos, tokenTag, surname, titleEnd } = context;
  for (let i = from, o = 0; i < to; i++, o += TEMPLATE_COUNT) {
    const c0 = codeAt(text, i);
    const cm1 = codeAt(text, i - 1);
    const cp1 = codeAt(text, i + 1);
    out[o + 16] = feature(16, c0, tokenTag[i]!, tokenPos[i]!);
    out[o + 17] = feature(17, i > 0 ? surname[i - 1]! : 0, titleEnd[i]!, c0);
    out[o + 18] = feature(18, codeAt(text, i - 2), cm1);
    out[o + 19] = feature(19, cp1, codeAt(text, i + 2));
    out[o + 20] = feature(20, cm1, c0, cp1);
  }
}

/** Templates 6–8, 10, 11: pairs of characters, jieba's word and tags. */
function pairAndWordTemplates(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  const { text, tokenPos, tokenTag, tokenWord } = context;
  const n = text.length;
  for (let i = from, o = 0; i < to; i++, o += TEMPLATE_COUNT) {
    const c0 = codeAt(text, i);
    const cm1 = codeAt(text, i - 1);
    const cp1 = codeAt(text, i + 1);
    const tagPrev = i > 0 ? tokenTag[i - 1]! : 0;
    const tagNext = i + 1 < n ? tokenTag[i + 1]! : 0;
    out[o + 6] = feature(6, cm1, c0);
    out[o + 7] = feature(7, c0, cp1);
    out[o + 8] = feature(8, cm1, cp1);
    out[o + 10] = feature(10, tokenWord[i]!, tokenPos[i]!);
    out[o + 11] = feature(11, tagPrev, tokenTag[i]!, tagNext);
  }
}

/**
 * The hashed feature ids of every character, `TEMPLATE_COUNT` per character, in one array.
 * Computed identically when training and when tagging.
 */
export function characterFeatures(text: string, index: TokenIndex, lexicon: EntityLexicon): Int32Array {
  const out = new Int32Array(text.length * TEMPLATE_COUNT);
  writeFeatures(characterContext(text, index, lexicon, bytes(contextBytes(text.length))), 0, text.length, out);
  return out;
}

/*
 * The compact weights (TaggerWeights in core/resources.ts) hold the known features, indexed by a bit set over all 2^HASH_BITS feature ids: a feature is known when
 * its bit is set, and its weights are the row numbered by the count of set bits before it (its rank). Each row
 * holds the weights of the labels other than O in hundredths, each less the feature's O weight: shifting every
 * label of a character by the same amount changes no decision, so O's emission is 0. A row is 8 bytes: six int8
 * steps and the int16 hundredths per step (its scale), so a row never straddles a cache line and the 443k rows take
 * 3.5 MB. The bit set with its ranks takes 1 MB and stays in the processor's cache, so an unknown feature costs no
 * memory access. Tagging is bound by these lookups.
 */

/** Weights are stored in hundredths. */
const WEIGHT_SCALE = 100;
const MAX_WEIGHT = 32767 / WEIGHT_SCALE;
/** Weights per row: labels 1 … LABEL_COUNT - 1. */
const ROW = LABEL_COUNT - 1;
/** Bytes per row: `ROW` int8 steps, then the int16 scale. */
export const ROW_BYTES = 8;
/** Words of the known-feature bit set with its ranks (`TaggerWeights.known`). */
const KNOWN_WORDS = (1 << HASH_BITS) / 16;
/** Steps of a row's scale that its largest weight may take. */
const INT8_STEPS = 127;

const toHundredths = (v: number) => Math.round(Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, v)) * WEIGHT_SCALE);
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Writes `hundredths` (the ROW weights of a row, each a multiple of one step within `INT8_STEPS` of it) as row `row`
 * of `rows`: the step is their greatest common divisor, so that the same weights always give the same bytes.
 */
function packRow(hundredths: ArrayLike<number>, rows: Int8Array, row: number): void {
  let step = 0;
  for (let l = 0; l < ROW; l++) step = gcd(step, Math.abs(hundredths[l]!));
  for (let l = 0; l < ROW; l++) rows[row * ROW_BYTES + l] = step === 0 ? 0 : hundredths[l]! / step;
  // the scale little-endian in the last two bytes (an int8 store keeps the low byte)
  rows[row * ROW_BYTES + ROW] = step;
  rows[row * ROW_BYTES + ROW + 1] = step >> 8;
}

/**
 * A row's weights in hundredths, rounded to int8 steps of its own scale: a weight moves by at most half a step,
 * under 0.4% of the row's largest.
 */
function quantizedRow(values: ArrayLike<number>): number[] {
  const hundredths = Array.from({ length: ROW }, (_, l) => toHundredths(values[l + 1]! - values[0]!));
  const scale = Math.max(1, Math.ceil(Math.max(...hundredths.map(Math.abs)) / INT8_STEPS));
  return hundredths.map((v) => Math.round(v / scale) * scale);
}

/** Set bits of a 32-bit word. */
function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The bit set of these feature ids with its ranks (`TaggerWeights.known`), and the number of rows it asks for. */
function knownSet(ids: Iterable<number>): { known: Uint32Array; rowCount: number } {
  const known = new Uint32Array(KNOWN_WORDS);
  for (const id of ids) known[((id >>> 5) << 1) + 1]! |= 1 << (id & 31);
  // row 0 stays zero: unknown features read it, so that scoring takes no branch
  let rank = 1;
  for (let w = 0; w < known.length; w += 2) {
    known[w] = rank;
    rank += popCount(known[w + 1]!);
  }
  return { known, rowCount: rank };
}

/**
 * Builds the compact table from (feature id, weights) pairs, the first pair of an id counting: each row rounded to
 * int8 steps of its own scale (`quantizedRow`), the transitions to hundredths, as they ship.
 */
export function compactWeights(entries: ReadonlyArray<[number, ArrayLike<number>]>, transitions: Float32Array): TaggerWeights {
  const first = new Map<number, ArrayLike<number>>();
  for (const [id, values] of entries) if (!first.has(id)) first.set(id, values);
  const { known, rowCount } = knownSet(first.keys());
  const rows = new Int8Array(rowCount * ROW_BYTES);
  for (const [id, values] of first) packRow(quantizedRow(values), rows, rowOf(known, id));
  return { known, rows, transitions: transitions.map((v) => Number(v.toFixed(2))) };
}

/** Row `row`'s weights in hundredths. */
function rowHundredths(rows: Int8Array, row: number): number[] {
  const scale = wordsOf(rows)[2 * row + 1]! >> 16;
  return Array.from(rows.subarray(row * ROW_BYTES, row * ROW_BYTES + ROW), (step) => step * scale);
}

/**
 * The weights without the rows whose labels all lie within `threshold` of O's (fewer rows: a smaller table and
 * fewer cache misses, at some cost in accuracy; bench/ner-accuracy.ts `--tradeoff` measures both).
 *
 * @example
 * prunedWeights(shippedTaggerWeights(), 5) // rows with a weight 5 or more away from O's only
 */
export function prunedWeights(weights: TaggerWeights, threshold: number): TaggerWeights {
  const kept = new Map<number, number>();
  for (let w = 0; w < weights.known.length; w += 2) {
    for (let bits = weights.known[w + 1]!, rank = weights.known[w]!; bits !== 0; bits &= bits - 1, rank++) {
      if (!rowHundredths(weights.rows, rank).some((v) => Math.abs(v) >= threshold * WEIGHT_SCALE)) continue;
      kept.set((w >>> 1) * 32 + (31 - Math.clz32(bits & -bits)), rank);
    }
  }
  const { known, rowCount } = knownSet(kept.keys());
  const rows = new Int8Array(rowCount * ROW_BYTES);
  for (const [id, rank] of kept) rows.set(weights.rows.subarray(rank * ROW_BYTES, (rank + 1) * ROW_BYTES), rowOf(known, id) * ROW_BYTES);
  return { known, rows, transitions: weights.transitions };
}

/** The row of a feature id: its rank among the known features, or 0 (a row of zeros) when it has no weights. */
function rowOf(known: Uint32Array, id: number): number {
  const w = (id >>> 5) << 1;
  const bits = known[w + 1]!;
  const shift = id & 31;
  const rank = known[w]! + popCount(bits & ((1 << shift) - 1));
  return rank * ((bits >>> shift) & 1);
}

/**
 * Emission scores (`n` × `LABEL_COUNT`) of the characters' features under compact weights, each character's
 * scores shifted so that O scores 0.
 */
export function emissions(features: Int32Array, n: number, weights: TaggerWeights): Float32Array {
  const out = new Float32Array(n * LABEL_COUNT);
  scoreCharacters(features, n, weights, out);
  return out;
}

/** Writes the emission scores of `count` characters' features to `out` (O's stay as they are: 0). */
function scoreCharacters(features: Int32Array, count: number, weights: TaggerWeights, out: Float32Array): void {
  const rowNumbers = new Int32Array(count * TEMPLATE_COUNT);
  for (let k = 0; k < rowNumbers.length; k++) rowNumbers[k] = rowOf(weights.known, features[k]!);
  sumRows(rowNumbers, count, TEMPLATE_COUNT, wordsOf(weights.rows), 0, new Int16Array(0), out);
}

/** The rows as int32 words, two per row: a row's six steps and its scale in two loads (`sumRows`). */
const wordsOf = (rows: Int8Array) => new Int32Array(rows.buffer, rows.byteOffset, rows.length >> 2);

/**
 * The scoring kernel of both paths: for each of `count` characters, the sum of its weight rows, written to `out` as
 * the six labels besides O (O stays 0). `rowNumbers` holds, per character, `read` row numbers in the weights' rows
 * (`words`, `wordsOf`: steps 1–4 in the first word, lowest byte first, steps 5–6 and the scale in the second), then
 * `tabled` offsets of rows in `table`, multiplied out. The sums are integer hundredths, exact in any order.
 */
function sumRows(rowNumbers: Int32Array, count: number, read: number, words: Int32Array, tabled: number, table: Int16Array, out: Float32Array): void {
  for (let i = 0, r = 0; i < count; i++) {
    let s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let end = r + read; r < end; r++) {
      const at = rowNumbers[r]! << 1;
      const low = words[at]!;
      const high = words[at + 1]!;
      const scale = high >> 16;
      s1 += Math.imul((low << 24) >> 24, scale);
      s2 += Math.imul((low << 16) >> 24, scale);
      s3 += Math.imul((low << 8) >> 24, scale);
      s4 += Math.imul(low >> 24, scale);
      s5 += Math.imul((high << 24) >> 24, scale);
      s6 += Math.imul((high << 16) >> 24, scale);
    }
    for (let end = r + tabled; r < end; r++) {
      const at = rowNumbers[r]!;
      s1 += table[at]!;
      s2 += table[at + 1]!;
      s3 += table[at + 2]!;
      s4 += table[at + 3]!;
      s5 += table[at + 4]!;
      s6 += table[at + 5]!;
    }
    const o = i * LABEL_COUNT;
    out[o + 1] = s1 / WEIGHT_SCALE;
    out[o + 2] = s2 / WEIGHT_SCALE;
    out[o + 3] = s3 / WEIGHT_SCALE;
    out[o + 4] = s4 / WEIGHT_SCALE;
    out[o + 5] = s5 / WEIGHT_SCALE;
    out[o + 6] = s6 / WEIGHT_SCALE;
  }
}

/**
 * The rows of the tabled templates, multiplied out into one int16 table for tagging (`ROW` hundredths per row): a
 * block of zero rows, the bias's row, the rows of every key of the small templates, and the rows of templates 1–5 in one
 * block per character, so that the five lookups of a character's neighbourhood read a few cache lines that the
 * next characters read again, and hash nothing. A character's block is made the first time it is tagged: a
 * process meets a few thousand of the 65,536 units, and loading the weights builds nothing.
 */
interface TaggingTables {
  /** The weights' rows, and as words (`wordsOf`). */
  rows: Int8Array;
  words: Int32Array;
  /** Offsets in `table`: the bias's row, and per key of each of `SMALL_TEMPLATES`. */
  bias: number;
  small: Int32Array[];
  /** Each UTF-16 unit's block in `table`: -1 until it is first tagged, 0 (the zero rows) when it has no weights. */
  blockOf: Int32Array;
  /** The tabled rows; grown as blocks are made. */
  table: Int16Array;
  /** Rows of `table` in use. */
  used: number;
}

function taggingTables({ known, rows }: TaggerWeights): TaggingTables {
  const tables: TaggingTables = {
    rows, words: wordsOf(rows), bias: 0, small: [], blockOf: new Int32Array(0x10000).fill(-1), table: new Int16Array(1024 * ROW), used: CHARACTER_OFFSETS.length,
  };
  tables.bias = tableRows(tables, [rowOf(known, feature(0, 0))]);
  tables.small = SMALL_IDS.map((ids) => ids.map((id) => tableRows(tables, [rowOf(known, id)])));
  return tables;
}

/** Appends the weights' rows `rowNumbers` to `tables.table`, multiplied out; the offset of the first. */
function tableRows(tables: TaggingTables, rowNumbers: readonly number[]): number {
  if ((tables.used + rowNumbers.length) * ROW > tables.table.length) {
    const grown = new Int16Array(tables.table.length * 2);
    grown.set(tables.table);
    tables.table = grown;
  }
  const first = tables.used * ROW;
  for (const row of rowNumbers) {
    const scale = tables.words[2 * row + 1]! >> 16;
    for (let l = 0; l < ROW; l++) tables.table[tables.used * ROW + l] = tables.rows[row * ROW_BYTES + l]! * scale;
    tables.used++;
  }
  return first;
}

/** The block of `code` in `tables.table` (the offset of its first row), made now from the weights' rows of templates 1–5. */
function characterBlock(tables: TaggingTables, known: Uint32Array, code: number): number {
  const rowNumbers = CHARACTER_OFFSETS.map((_, k) => rowOf(known, feature(1 + k, code)));
  return (tables.blockOf[code] = rowNumbers.every((row) => row === 0) ? 0 : tableRows(tables, rowNumbers));
}

/** Weight rows read per character when tagging: the hashed templates, then the bias, the small templates and templates 1–5. */
const TABLED = 1 + SMALL_TEMPLATES.length + CHARACTER_OFFSETS.length;
const LOOKUPS = HASHED_TEMPLATES.length + TABLED;
/** The rows of a chunk's lookups, `LOOKUPS` per character: numbers in the weights' rows, then offsets in the table. */
const chunkRows = new Int32Array(CHUNK * LOOKUPS);

/**
 * The emission scores of characters `from` to `to` (at most `CHUNK`) for tagging, written to `out` from 0: the
 * same sums as `emissions` over `characterFeatures`, with the tabled templates read from `tables`. Every row of
 * the chunk is found before any is read: the reads are independent, so their cache misses overlap.
 */
function scoreForTagging(context: CharacterContext, from: number, to: number, known: Uint32Array, tables: TaggingTables, out: Float32Array): void {
  const { text } = context;
  const { small, blockOf } = tables;
  const ids = chunkFeatures;
  const keys = chunkKeys;
  hashedTemplates(context, from, to, ids);
  smallKeys(context, from, to, keys);
  for (let i = from, o = 0, q = 0, r = 0; i < to; i++, o += TEMPLATE_COUNT) {
    for (let h = 0; h < HASHED_TEMPLATES.length; h++) chunkRows[r++] = rowOf(known, ids[o + HASHED_TEMPLATES[h]!]!);
    chunkRows[r++] = tables.bias;
    for (let j = 0; j < small.length; j++) chunkRows[r++] = small[j]![keys[q++]!]!;
    for (let k = 0; k < CHARACTER_OFFSETS.length; k++) {
      const code = codeAt(text, i + CHARACTER_OFFSETS[k]!);
      const block = blockOf[code]!;
      chunkRows[r++] = (block >= 0 ? block : characterBlock(tables, known, code)) + k * ROW;
    }
  }
  sumRows(chunkRows, to - from, HASHED_TEMPLATES.length, tables.words, TABLED, tables.table, out);
}

/** Characters tagged per step: their feature ids and scores are reused buffers that stay in the cache. */
const chunkFeatures = new Int32Array(CHUNK * TEMPLATE_COUNT);
const chunkScores = new Float32Array(CHUNK * LABEL_COUNT);

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

/** Viterbi's state while the characters' emission scores arrive: the back pointers and the last scores. */
interface Lattice {
  transitions: Float32Array;
  back: Uint8Array;
  /** Characters seen so far. */
  length: number;
  /** Scores of the best paths ending in each label at the last character seen, rounded to float32. */
  previous: Float32Array;
  current: Float32Array;
}

const lattice = (n: number, transitions: Float32Array, back: Uint8Array = new Uint8Array(n * LABEL_COUNT)): Lattice => ({
  transitions,
  back,
  length: 0,
  previous: new Float32Array(LABEL_COUNT),
  current: new Float32Array(LABEL_COUNT),
});

/** Extends the best paths over `count` more characters with these emission scores. */
function forward(lattice: Lattice, emission: Float32Array, count: number): void {
  const L = LABEL_COUNT;
  const { transitions: t, back } = lattice;
  let { previous, current } = lattice;
  for (let k = 0; k < count; k++) {
    const i = lattice.length + k;
    if (i === 0) {
      for (let to = 0; to < L; to++) previous[to] = t[L * L + to]! + emission[to]!;
      continue;
    }
    // the seven labels' previous scores in locals: the loop below reads each seven times
    const p0 = previous[0]!, p1 = previous[1]!, p2 = previous[2]!, p3 = previous[3]!;
    const p4 = previous[4]!, p5 = previous[5]!, p6 = previous[6]!;
    for (let to = 0; to < L; to++) {
      let best = p0 + t[to]!;
      let arg = 0;
      let s: number;
      if ((s = p1 + t[L + to]!) > best) (best = s), (arg = 1);
      if ((s = p2 + t[2 * L + to]!) > best) (best = s), (arg = 2);
      if ((s = p3 + t[3 * L + to]!) > best) (best = s), (arg = 3);
      if ((s = p4 + t[4 * L + to]!) > best) (best = s), (arg = 4);
      if ((s = p5 + t[5 * L + to]!) > best) (best = s), (arg = 5);
      if ((s = p6 + t[6 * L + to]!) > best) (best = s), (arg = 6);
      current[to] = best + emission[k * L + to]!;
      back[i * L + to] = arg;
    }
    [previous, current] = [current, previous];
  }
  lattice.length += count;
  lattice.previous = previous;
  lattice.current = current;
}

/** The labels of the best path through all the characters. */
function bestPath({ back, length: n, previous }: Lattice): Uint8Array {
  const L = LABEL_COUNT;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  let last = 0;
  for (let l = 1; l < L; l++) if (previous[l]! > previous[last]!) last = l;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = last;
    last = back[i * L + last]!;
  }
  return labels;
}

/** Best label sequence given emission scores and masked transitions (`maskTransitions`). */
export function viterbi(emission: Float32Array, n: number, transitions: Float32Array): Uint8Array {
  const state = lattice(n, transitions);
  forward(state, emission, n);
  return bestPath(state);
}

type SpanType = "PER" | "LOC" | "ORG";
/** For each label: the label that continues its span (B-PER → I-PER), or -1 when it opens none. */
const CONTINUATION = LABELS.map((label) => (label.startsWith("B-") ? LABELS.indexOf(`I-${label.slice(2)}` as (typeof LABELS)[number]) : -1));
const SPAN_TYPE = LABELS.map((label) => label.slice(2) as SpanType);

/**
 * Spans of the labels, with type PER, LOC or ORG.
 *
 * @example
 * labelSpans(Uint8Array.from([1, 2, 2, 0])) // → [{ type: "PER", start: 0, end: 3 }]
 */
export function labelSpans(labels: Uint8Array): { type: SpanType; start: number; end: number }[] {
  const spans: { type: SpanType; start: number; end: number }[] = [];
  for (let i = 0; i < labels.length; i++) {
    const inside = CONTINUATION[labels[i]!]!;
    if (inside < 0) continue;
    let end = i + 1;
    while (end < labels.length && labels[end] === inside) end++;
    spans.push({ type: SPAN_TYPE[labels[i]!]!, start: i, end });
    i = end - 1;
  }
  return spans;
}

/** The weights file (4.6 MB), read in place. */
const WEIGHTS_FILE = "entity-tagger.bin";
let shipped: TaggerWeights | undefined;

/** The sections of the weights file, in file order, with their element types: the transitions, the bit set with its ranks (`TaggerWeights.known`), the rows. */
const SECTIONS = [
  ["transitions", Float32Array],
  ["known", Uint32Array],
  ["rows", Int8Array],
] as const;
type SectionName = (typeof SECTIONS)[number][0];
/** Sections start at multiples of 8 bytes, so that each is a typed array over the file's own buffer. */
const ALIGN = 8;
const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/**
 * The weights file: `header` (text lines; the training tool names its training sets there), a line
 * `sections little-endian <name> <count>…` padded with spaces to a multiple of 8 bytes, then each section's
 * elements as they lie in memory (little-endian), each padded to 8 bytes. Loading is one file read and a typed
 * array per section over its buffer: no decompression, decoding or arithmetic per weight.
 *
 * @example
 * readTaggerWeights(weightsFile(weights, ["# test weights"])) // → the same known, rows and transitions
 */
export function weightsFile(weights: TaggerWeights, header: readonly string[]): Uint8Array {
  const arrays: Record<SectionName, ArrayBufferView> = { transitions: weights.transitions, known: weights.known, rows: weights.rows };
  const counts = SECTIONS.map(([name, type]) => `${name} ${arrays[name].byteLength / type.BYTES_PER_ELEMENT}`).join(" ");
  const line = `sections little-endian ${counts}`;
  const head = `${header.map((h) => `${h}\n`).join("")}${line}`;
  const headBytes = Buffer.from(head, "utf8");
  const start = aligned(headBytes.length + 1);
  const out = Buffer.alloc(SECTIONS.reduce((at, [name]) => at + aligned(arrays[name].byteLength), start), 0);
  out.fill(" ", headBytes.length, start - 1);
  headBytes.copy(out);
  out[start - 1] = 0x0a;
  let at = start;
  for (const [name] of SECTIONS) {
    const array = arrays[name];
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += aligned(array.byteLength);
  }
  return out;
}

/** The text lines before the sections of a weights file (`weightsFile`): its header. */
export function weightsFileHeader(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1", 0, sectionsLine(bytes, WEIGHTS_FILE).start);
  return Buffer.from(text, "latin1").toString("utf8").split("\n").filter((line) => line !== "");
}

/** Where the `sections` line of a weights file starts and ends (its newline). */
function sectionsLine(bytes: Uint8Array, file: string): { start: number; end: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buffer.indexOf("sections ");
  const start = at === 0 || (at > 0 && buffer[at - 1] === 0x0a) ? at : buffer.indexOf("\nsections ") + 1;
  const end = start > 0 || at === 0 ? buffer.indexOf(0x0a, start) : -1;
  if (end < 0) throw dictParseError(file, { line: 1, fields: [] }, "expected a `sections little-endian <name> <count>…` line");
  return { start, end };
}

/** Weights from the bytes of a weights file (`weightsFile`); a `DICT_PARSE` error says what is wrong. */
export function readTaggerWeights(bytes: Uint8Array, file = WEIGHTS_FILE): TaggerWeights {
  const { start, end } = sectionsLine(bytes, file);
  const fields = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1").trim().split(/ +/u);
  const lineNumber = Buffer.from(bytes.buffer, bytes.byteOffset, start).toString("latin1").split("\n").length;
  const bad = (problem: string) => dictParseError(file, { line: lineNumber, fields: fields.slice(0, 12) }, problem);
  const expected = ["sections", "little-endian", ...SECTIONS.flatMap(([name]) => [name, "<count>"])];
  if (fields.length !== expected.length || expected.some((f, k) => f !== "<count>" && f !== fields[k]) || fields.some((f, k) => expected[k] === "<count>" && !/^\d+$/u.test(f))) {
    throw bad(`expected \`${expected.join(" ")}\``);
  }
  if (endianness() !== "LE") throw bad("the file is little-endian and this machine is not");
  // typed arrays need aligned offsets: a small buffer may sit anywhere in Node's pool
  const own = bytes.byteOffset % ALIGN === 0 ? bytes : new Uint8Array(bytes);
  let at = aligned(end + 1);
  const views = {} as Record<SectionName, ArrayBufferView>;
  SECTIONS.forEach(([name, type], k) => {
    const count = Number(fields[3 + 2 * k]);
    if (at + count * type.BYTES_PER_ELEMENT > own.byteLength) throw bad(`the file ends inside section ${name}`);
    views[name] = new type(own.buffer as ArrayBuffer, own.byteOffset + at, count);
    at += aligned(count * type.BYTES_PER_ELEMENT);
  });
  const { transitions, known, rows } = views as { transitions: Float32Array; known: Uint32Array; rows: Int8Array };
  const rowCount = known.length > 0 ? known[known.length - 2]! + popCount(known[known.length - 1]!) : 0;
  if (transitions.length !== (LABEL_COUNT + 1) * LABEL_COUNT || known.length !== KNOWN_WORDS || rows.length !== rowCount * ROW_BYTES) {
    throw bad(`expected ${(LABEL_COUNT + 1) * LABEL_COUNT} transitions, ${KNOWN_WORDS} words of known features and their rows`);
  }
  return { known, rows, transitions };
}

/** The shipped weights, read once per process on first use (`weightsFile`). */
export function shippedTaggerWeights(): TaggerWeights {
  shipped ??= readTaggerWeights(readFileSync(dictPath(WEIGHTS_FILE)));
  return shipped;
}

/** What tagging derives from a set of weights (masked transitions, lookup tables), made once per set. */
const prepared = new WeakMap<TaggerWeights, { transitions: Float32Array; tables: TaggingTables }>();

function preparedFor(weights: TaggerWeights): { transitions: Float32Array; tables: TaggingTables } {
  let ready = prepared.get(weights);
  if (!ready) {
    ready = { transitions: maskTransitions(weights.transitions), tables: taggingTables(weights) };
    prepared.set(weights, ready);
  }
  return ready;
}

/**
 * BIO labels of every character of `text`.
 *
 * @example
 * labelSpans(tagCharacters(text, index, lexicon)) // "江泽民会见克林顿" → [PER 0–3, PER 5–8]
 */
export function tagCharacters(
  text: string,
  index: TokenIndex,
  lexicon: EntityLexicon,
  weights: TaggerWeights = shippedTaggerWeights(),
): Uint8Array {
  const { transitions, tables } = preparedFor(weights);
  const n = text.length;
  const memory = bytes(contextBytes(n) + n * LABEL_COUNT);
  const context = characterContext(text, index, lexicon, memory.subarray(0, contextBytes(n)));
  const state = lattice(n, transitions, memory.subarray(contextBytes(n)));
  for (let from = 0; from < text.length; from += CHUNK) {
    const to = Math.min(text.length, from + CHUNK);
    scoreForTagging(context, from, to, weights.known, tables, chunkScores);
    forward(state, chunkScores, to - from);
  }
  return bestPath(state);
}
